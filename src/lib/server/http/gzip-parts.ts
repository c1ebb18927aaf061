/**
 * Gzip (RFC 1952) of pieces with something different between them in every response (the
 * page cache's CSP nonce), without compressing again per response: each piece is deflated on
 * its own with a full flush (byte-aligned, no back-references across pieces), and the bytes
 * that go between them are sent as stored (uncompressed) deflate blocks. Only the CRC-32 runs
 * over the whole text per response.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

const HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

export interface GzipParts {
	/** The deflated pieces; the last one ends the deflate stream. */
	deflated: Buffer[];
	parts: Buffer[];
}

export function deflateParts(parts: Buffer[], level = 9): GzipParts {
	const deflated = parts.map((part, i) =>
		deflateRawSync(part, {
			level,
			finishFlush: i < parts.length - 1 ? constants.Z_FULL_FLUSH : constants.Z_FINISH
		})
	);
	return { deflated, parts };
}

/** A stored deflate block (at most 65,535 bytes, which a nonce attribute never nears). */
function stored(data: Buffer): Buffer {
	const head = Buffer.alloc(5);
	head.writeUInt16LE(data.byteLength, 1);
	head.writeUInt16LE(~data.byteLength & 0xffff, 3);
	return Buffer.concat([head, data]);
}

/**
 * zlib.crc32 continued over `data`. Node 20 answers 0 for an empty buffer that zlib has already
 * read (its memory detached), where the CRC must stay as it was.
 */
function crc32OrKeep(data: Buffer, crc: number): number {
	return data.byteLength ? crc32(data, crc) : crc;
}

/** The gzip bytes of the pieces joined by `between`. */
export function gzipJoined({ deflated, parts }: GzipParts, between: Buffer): Buffer<ArrayBuffer> {
	const out: Buffer[] = [HEADER];
	const block = stored(between);
	let crc = 0;
	let size = 0;
	parts.forEach((part, i) => {
		if (i) {
			out.push(block);
			crc = crc32OrKeep(between, crc);
			size += between.byteLength;
		}
		out.push(deflated[i]!);
		crc = crc32OrKeep(part, crc);
		size += part.byteLength;
	});
	const trailer = Buffer.alloc(8);
	trailer.writeUInt32LE(crc >>> 0, 0);
	trailer.writeUInt32LE(size >>> 0, 4);
	out.push(trailer);
	return Buffer.concat(out);
}
