/**
 * Checking real HTTP exchanges against the OpenAPI document the app serves: a request body
 * against the operation's request schema, a response body against the schema of its status.
 * A status the document does not list for the operation is itself a failure.
 */
import type { APIResponse } from '@playwright/test';
import { validate } from './json-schema';

type Schema = Record<string, unknown>;
interface Operation {
	requestBody?: { content: Record<string, { schema: Schema }> };
	responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}
export type Doc = Schema & { paths: Record<string, Record<string, Operation>> };

function operation(doc: Doc, method: string, template: string): Operation {
	const found = doc.paths[template]?.[method.toLowerCase()];
	if (!found) throw new Error(`${method} ${template} is not in the document`);
	return found;
}

/** Problems with a request body the client means to send; [] when the document allows it. */
export function requestProblems(doc: Doc, method: string, template: string, body: unknown) {
	const schema = operation(doc, method, template).requestBody?.content['application/json']?.schema;
	if (!schema) return [`${method} ${template} takes no JSON body`];
	return validate(doc, schema, body);
}

/** Problems with a response: an undocumented status, or a body its schema does not describe. */
export async function responseProblems(
	doc: Doc,
	method: string,
	template: string,
	response: APIResponse
): Promise<string[]> {
	const status = String(response.status());
	const documented = operation(doc, method, template).responses[status];
	if (!documented) return [`${method} ${template}: status ${status} is not documented`];
	const schema = documented.content?.['application/json']?.schema;
	if (!schema) {
		const text = await response.text();
		return text === ''
			? []
			: [`${method} ${template} ${status}: a body the document does not describe`];
	}
	return validate(doc, schema, await response.json());
}
