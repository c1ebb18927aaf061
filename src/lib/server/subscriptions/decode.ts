/**
 * Bytes to text in the feed's declared encoding: a byte-order mark first, then the HTTP
 * charset, then the XML declaration's encoding, else UTF-8 (RFC 7303 §3; JSON is UTF-8).
 */
import iconv from 'iconv-lite';

export class FeedEncodingError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'FeedEncodingError';
	}
}

function charsetOf(contentType: string | null): string | null {
	const match = contentType?.match(/;\s*charset\s*=\s*"?([^";\s]+)"?/i);
	return match?.[1] ?? null;
}

function bomEncoding(body: Buffer): string | null {
	if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
	if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
	if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
	return null;
}

function declaredInXml(body: Buffer): string | null {
	// The declaration is ASCII in every encoding a feed may use (UTF-16 has its BOM).
	const head = body.subarray(0, 256).toString('latin1');
	const match = head.match(/^\s*<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/);
	return match?.[1] ?? null;
}

/** The feed as a string; unknown encodings are refused rather than guessed. */
export function decodeFeed(body: Buffer, contentType: string | null): string {
	const encoding = bomEncoding(body) ?? charsetOf(contentType) ?? declaredInXml(body) ?? 'utf-8';
	if (!iconv.encodingExists(encoding)) {
		throw new FeedEncodingError(`The feed declares an unknown encoding "${encoding}".`);
	}
	// iconv-lite strips the BOM by default.
	return iconv.decode(body, encoding);
}
