/**
 * Request bodies (ingest, TimelineJS import) are read as a stream and abandoned past the cap,
 * never buffered whole. Answer TooLarge with a 413 carrying `Connection: close`.
 */

export class TooLarge extends Error {
	constructor(readonly limit: number) {
		super(`The request is larger than ${limit} bytes.`);
		this.name = 'TooLarge';
	}
}

/**
 * The body as UTF-8 text, or TooLarge when its declared length is over `limit` or as soon as
 * more than `limit` bytes have arrived.
 */
export async function readCapped(request: Request, limit: number): Promise<string> {
	if (Number(request.headers.get('Content-Length') ?? '0') > limit) throw new TooLarge(limit);
	if (!request.body) return '';
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > limit) {
			// Stop reading without cancelling: cancelling destroys the socket before our 413 is
			// sent. The answer carries Connection: close, so Node drops the rest of the upload.
			reader.releaseLock();
			throw new TooLarge(limit);
		}
		chunks.push(value);
	}
	return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}
