/** Reading a password in the user:add script: from a pipe, or typed without echo. */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/** Everything on stdin, minus one trailing newline (as `echo` or a file would add). */
export async function readPasswordStdin(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks)
		.toString('utf8')
		.replace(/\r?\n$/, '');
}

/** Asks on the terminal; what is typed is not shown. */
export function promptHidden(question: string): Promise<string> {
	let muted = false;
	const output = new Writable({
		write(chunk: Buffer, _encoding, callback) {
			if (!muted) process.stderr.write(chunk);
			callback();
		}
	});
	const rl = createInterface({ input: process.stdin, output, terminal: true });
	return new Promise((resolve) => {
		rl.question(question, (answer) => {
			rl.close();
			process.stderr.write('\n');
			resolve(answer);
		});
		muted = true;
	});
}
