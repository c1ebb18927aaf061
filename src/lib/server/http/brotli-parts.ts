/**
 * Brotli (RFC 7932) of a page with a fresh CSP nonce in every response, compressed once: the
 * brotli twin of gzip-parts.ts. One encoder compresses the pieces with a placeholder of the
 * nonce's length between them, flushing (ending a meta-block on a byte boundary) around each
 * placeholder; the placeholder's own output is dropped, and each response puts its nonce there
 * as an uncompressed meta-block (RFC 7932 §9.2, ISUNCOMPRESSED). The decoder's window then
 * holds exactly as many bytes as the encoder's, so every later back-reference lands where the
 * encoder meant it.
 *
 * Two things could still differ between the encoder's view and the decoder's: a back-reference
 * into the placeholder (none: its bytes are control characters that no page text repeats) and
 * the distance cache, should the encoder have coded the placeholder with a copy. The last two
 * bytes of the replaced span are kept the same (`==`, which ends every 16-byte base64 nonce),
 * so the literal context after it matches too. Rather than trust all that, the result is
 * decoded once with a test nonce and compared; when it differs no brotli is kept (gzip
 * serves) and the page cache says so in the log.
 */
import { brotliDecompressSync, constants, createBrotliCompress } from 'node:zlib';

export interface BrotliParts {
	/** Compressed pieces, each ending on a byte boundary; the last one ends the stream. */
	compressed: Buffer[];
	/** The length every `between` must have. */
	betweenLength: number;
}

/** The placeholder for a nonce of `length` bytes (ending with `tail`, kept as it is). */
function placeholder(length: number, tail: string): Buffer {
	const bytes = Buffer.alloc(length);
	for (let i = 0; i < length - tail.length; i++) bytes[i] = 1 + (i % 30);
	bytes.write(tail, length - tail.length, 'latin1');
	return bytes;
}

/** An uncompressed meta-block holding `data` (up to 65,536 bytes). */
function uncompressed(data: Buffer): Buffer {
	// ISLAST=0, MNIBBLES=4 (coded 0), MLEN-1 in 16 bits, ISUNCOMPRESSED=1: 20 bits, 3 bytes.
	const bits = ((data.byteLength - 1) << 3) | (1 << 19);
	const head = Buffer.from([bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff]);
	return Buffer.concat([head, data]);
}

/** One encoder, fed piece by piece: each call returns the output of what it was given. */
function encoder(quality: number, sizeHint: number) {
	const stream = createBrotliCompress({
		params: {
			[constants.BROTLI_PARAM_QUALITY]: quality,
			[constants.BROTLI_PARAM_SIZE_HINT]: sizeHint,
			[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT
		}
	});
	let output: Buffer[] = [];
	// Flowing: all of a write's output is pushed (and so emitted) before its callback runs.
	stream.on('data', (chunk: Buffer) => output.push(chunk));
	const ended = new Promise<void>((resolve, reject) => {
		stream.on('end', resolve);
		stream.on('error', reject);
	});
	const take = () => {
		const taken = Buffer.concat(output);
		output = [];
		return taken;
	};
	return {
		/** `data`, then a flush: the output ends a meta-block on a byte boundary. */
		async flushed(data: Buffer): Promise<Buffer> {
			stream.write(data);
			await new Promise<void>((resolve) =>
				stream.flush(constants.BROTLI_OPERATION_FLUSH, () => resolve())
			);
			await new Promise((resolve) => setImmediate(resolve));
			return take();
		},
		async finished(data: Buffer): Promise<Buffer> {
			stream.end(data);
			await ended;
			return take();
		}
	};
}

/**
 * The brotli pieces of `parts` joined by something `betweenLength` bytes long ending with
 * `tail`, checked; undefined when the check fails. Runs on libuv's threads, not the event loop.
 */
export async function brotliParts(
	parts: Buffer[],
	betweenLength: number,
	tail: string,
	quality = 7
): Promise<BrotliParts | undefined> {
	if (betweenLength > 65_536 || betweenLength <= tail.length) return undefined;
	const total = parts.reduce((sum, part) => sum + part.byteLength, 0);
	const engine = encoder(quality, total);
	const compressed: Buffer[] = [];
	const filler = placeholder(betweenLength, tail);
	for (const [i, part] of parts.entries()) {
		if (i === parts.length - 1) {
			compressed.push(await engine.finished(part));
		} else {
			compressed.push(await engine.flushed(part));
			// Compressed, and dropped: the response's own bytes take its place.
			await engine.flushed(filler);
		}
	}
	const kept = { compressed, betweenLength };
	const probe = Buffer.from(
		filler.map((byte, i) => (i >= filler.length - tail.length ? byte : 0x41 + (i % 26)))
	);
	try {
		const decoded = brotliDecompressSync(Buffer.concat(brotliChunks(kept, probe)));
		const expected = Buffer.concat(parts.flatMap((part, i) => (i ? [probe, part] : [part])));
		return decoded.equals(expected) ? kept : undefined;
	} catch {
		return undefined;
	}
}

/** The brotli bytes of the pieces joined by `between`, as chunks to send in order. */
export function brotliChunks(
	{ compressed, betweenLength }: BrotliParts,
	between: Buffer
): Buffer[] {
	if (between.byteLength !== betweenLength) throw new Error('brotli parts: wrong length between');
	const block = uncompressed(between);
	return compressed.flatMap((chunk, i) => (i ? [block, chunk] : [chunk]));
}
