/**
 * A small JSON Schema (2020-12) validator for the subset our OpenAPI document uses: type (one or
 * several), enum, const, properties/required/additionalProperties, items, oneOf/anyOf/allOf,
 * minimum/maximum, minLength/maxLength, pattern, format date-time, propertyNames, and local $refs
 * (#/components/schemas/…). Enough to check real responses against the document without a
 * package; an unknown keyword is an error, so the document cannot silently outgrow it.
 */
type Schema = Record<string, unknown>;

const KNOWN = new Set([
	'type',
	'enum',
	'const',
	'properties',
	'required',
	'additionalProperties',
	'items',
	'oneOf',
	'anyOf',
	'allOf',
	'minimum',
	'maximum',
	'minLength',
	'maxLength',
	'pattern',
	'format',
	'$ref',
	'description',
	'examples',
	'title',
	// zod's z.toJSONSchema writes these; `default` describes, it does not constrain.
	'default',
	'propertyNames'
]);

// RFC 3339 date-time, which ISO 8601 with an offset must also be.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}

export function validate(root: Schema, schema: Schema, value: unknown, at = '$'): string[] {
	const errors: string[] = [];
	for (const key of Object.keys(schema))
		if (!KNOWN.has(key)) errors.push(`${at}: the validator does not know "${key}"`);

	if (typeof schema.$ref === 'string') {
		const path = schema.$ref.replace(/^#\//, '').split('/');
		let target: unknown = root;
		for (const part of path) target = (target as Schema | undefined)?.[part];
		if (!target) return [`${at}: unresolved ${schema.$ref}`];
		errors.push(...validate(root, target as Schema, value, at));
	}
	if (schema.type !== undefined) {
		const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
		const actual = typeOf(value);
		const ok = types.includes(actual) || (actual === 'integer' && types.includes('number'));
		if (!ok) return [...errors, `${at}: expected ${types.join('|')}, got ${actual}`];
	}
	if (Array.isArray(schema.enum) && !schema.enum.includes(value))
		errors.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
	if ('const' in schema && schema.const !== value) errors.push(`${at}: not the constant`);
	if (typeof value === 'number') {
		if (typeof schema.minimum === 'number' && value < schema.minimum)
			errors.push(`${at}: below minimum`);
		if (typeof schema.maximum === 'number' && value > schema.maximum)
			errors.push(`${at}: above maximum`);
	}
	if (typeof value === 'string') {
		if (typeof schema.minLength === 'number' && value.length < schema.minLength)
			errors.push(`${at}: too short`);
		if (typeof schema.maxLength === 'number' && value.length > schema.maxLength)
			errors.push(`${at}: too long`);
		if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value))
			errors.push(`${at}: "${value}" does not match ${schema.pattern}`);
		if (schema.format === 'date-time' && !DATE_TIME.test(value))
			errors.push(`${at}: "${value}" is not an RFC 3339 date-time`);
	}
	if (typeOf(value) === 'object') {
		const object = value as Record<string, unknown>;
		if (typeof schema.propertyNames === 'object')
			for (const name of Object.keys(object))
				errors.push(...validate(root, schema.propertyNames as Schema, name, `${at}[${name}]`));
		const properties = (schema.properties ?? {}) as Record<string, Schema>;
		for (const name of (schema.required ?? []) as string[])
			if (!(name in object)) errors.push(`${at}: missing required "${name}"`);
		for (const [name, child] of Object.entries(object)) {
			const sub = properties[name];
			if (sub) errors.push(...validate(root, sub, child, `${at}.${name}`));
			else if (schema.additionalProperties === false)
				errors.push(`${at}: "${name}" is not in the schema`);
			else if (typeof schema.additionalProperties === 'object')
				errors.push(
					...validate(root, schema.additionalProperties as Schema, child, `${at}.${name}`)
				);
		}
	}
	if (Array.isArray(value) && schema.items)
		value.forEach((item, i) =>
			errors.push(...validate(root, schema.items as Schema, item, `${at}[${i}]`))
		);
	if (Array.isArray(schema.allOf))
		for (const sub of schema.allOf as Schema[]) errors.push(...validate(root, sub, value, at));
	if (Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf)) {
		const options = (schema.anyOf ?? schema.oneOf) as Schema[];
		const passing = options.filter((sub) => validate(root, sub, value, at).length === 0).length;
		if (passing === 0) errors.push(`${at}: matches none of the alternatives`);
		if (schema.oneOf && passing > 1) errors.push(`${at}: matches more than one alternative`);
	}
	return errors;
}

/** Every schema in the document, walked once: throws on a keyword the validator would ignore. */
export function checkDocumentSchemas(root: Schema): string[] {
	const problems: string[] = [];
	const walk = (schema: unknown, at: string) => {
		if (typeof schema !== 'object' || schema === null) return;
		const s = schema as Schema;
		for (const key of Object.keys(s)) if (!KNOWN.has(key)) problems.push(`${at}.${key}`);
		for (const key of ['items', 'additionalProperties'])
			if (typeof s[key] === 'object') walk(s[key], `${at}.${key}`);
		for (const [name, sub] of Object.entries((s.properties ?? {}) as Schema))
			walk(sub, `${at}.${name}`);
		for (const key of ['oneOf', 'anyOf', 'allOf'])
			((s[key] ?? []) as unknown[]).forEach((sub, i) => walk(sub, `${at}.${key}[${i}]`));
	};
	const schemas = ((root.components as Schema)?.schemas ?? {}) as Schema;
	for (const [name, schema] of Object.entries(schemas)) walk(schema, name);
	return problems;
}
