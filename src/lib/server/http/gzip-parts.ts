/**
 * Gzip (RFC 1952) of pieces with something different between them in every response (the
 * page cache's CSP nonce), without compressing again per response: each piece is deflated on
 * its own with a full flush (byte-aligned, no back-references across pieces), and the bytes
 * that go between them are sent as stored (uncompressed) deflate blocks.
 *
 * The trailer's CRC-32 covers the whole text. Running it over a 100 KB page per response took
 * longer than sending the page, so each piece's CRC is taken once, and per response only the
 * bytes between are read; the pieces' CRCs are joined to them as zlib's crc32_combine does
 * (CRC-32 is linear over GF(2): appending n bytes multiplies the register by a fixed 32×32
 * matrix, computed once per piece).
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

const HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

export interface GzipParts {
	/** The deflated pieces; the last one ends the deflate stream. */
	deflated: Buffer[];
	parts: Buffer[];
	/** Each piece's CRC-32 on its own. */
	crcs: number[];
	/** Per piece, the matrix that moves a CRC register past as many bytes as the piece has. */
	shifts: Uint32Array[];
}

/** matrix × vector over GF(2); the matrix as its 32 columns. */
function times(matrix: Uint32Array, vector: number): number {
	let sum = 0;
	for (let i = 0; vector !== 0; i++, vector >>>= 1) if (vector & 1) sum ^= matrix[i]!;
	return sum >>> 0;
}

function square(matrix: Uint32Array): Uint32Array {
	const out = new Uint32Array(32);
	for (let n = 0; n < 32; n++) out[n] = times(matrix, matrix[n]!);
	return out;
}

function product(a: Uint32Array, b: Uint32Array): Uint32Array {
	const out = new Uint32Array(32);
	for (let n = 0; n < 32; n++) out[n] = times(a, b[n]!);
	return out;
}

/** The operator for `bytes` zero bytes (zlib's crc32_combine, as a matrix). */
export function crcShift(bytes: number): Uint32Array {
	// One zero bit: the reflected CRC-32 polynomial.
	let power: Uint32Array = new Uint32Array(32);
	power[0] = 0xedb88320;
	for (let n = 1; n < 32; n++) power[n] = (1 << (n - 1)) >>> 0;
	for (let i = 0; i < 3; i++) power = square(power); // one zero byte
	let result: Uint32Array = new Uint32Array(32).map((_, n) => (1 << n) >>> 0); // identity
	for (let n = bytes; n > 0; n = Math.floor(n / 2)) {
		if (n % 2) result = product(power, result);
		power = square(power);
	}
	return result;
}

/** The CRC-32 of A followed by B, from crc(A), crc(B) and B's shift. */
export function crcCombine(crcA: number, crcB: number, shiftB: Uint32Array): number {
	return (times(shiftB, crcA) ^ crcB) >>> 0;
}

export function deflateParts(parts: Buffer[], level = 9): GzipParts {
	const deflated = parts.map((part, i) =>
		deflateRawSync(part, {
			level,
			finishFlush: i < parts.length - 1 ? constants.Z_FULL_FLUSH : constants.Z_FINISH
		})
	);
	return {
		deflated,
		parts,
		crcs: parts.map((part) => crc32(part)),
		shifts: parts.map((part) => crcShift(part.byteLength))
	};
}

/** A nonce attribute is the same length every time: its shift is made once. */
const shiftMemo = new Map<number, Uint32Array>();
function shiftFor(bytes: number): Uint32Array {
	let shift = shiftMemo.get(bytes);
	if (!shift) {
		if (shiftMemo.size > 64) shiftMemo.clear();
		shiftMemo.set(bytes, (shift = crcShift(bytes)));
	}
	return shift;
}

/** A stored deflate block (at most 65,535 bytes, which a nonce attribute never nears). */
function stored(data: Buffer): Buffer {
	const head = Buffer.alloc(5);
	head.writeUInt16LE(data.byteLength, 1);
	head.writeUInt16LE(~data.byteLength & 0xffff, 3);
	return Buffer.concat([head, data]);
}

/** The gzip bytes of the pieces joined by `between`, as chunks to send in order. */
export function gzipChunks(
	{ deflated, parts, crcs, shifts }: GzipParts,
	between: Buffer
): Buffer[] {
	const out: Buffer[] = [HEADER];
	const block = stored(between);
	const betweenCrc = crc32(between);
	const betweenShift = parts.length > 1 ? shiftFor(between.byteLength) : undefined;
	let crc = 0;
	let size = 0;
	parts.forEach((part, i) => {
		if (i) {
			out.push(block);
			crc = crcCombine(crc, betweenCrc, betweenShift!);
			size += between.byteLength;
		}
		out.push(deflated[i]!);
		crc = i ? crcCombine(crc, crcs[i]!, shifts[i]!) : crcs[0]!;
		size += part.byteLength;
	});
	const trailer = Buffer.alloc(8);
	trailer.writeUInt32LE(crc >>> 0, 0);
	trailer.writeUInt32LE(size >>> 0, 4);
	out.push(trailer);
	return out;
}

/** The gzip bytes of the pieces joined by `between`. */
export function gzipJoined(parts: GzipParts, between: Buffer): Buffer<ArrayBuffer> {
	return Buffer.concat(gzipChunks(parts, between));
}
