/**
 * Runs Debian's nginx with the shipped deploy/nginx/throughline.conf, its ports and paths
 * replaced, in the foreground (as root it drops to no account: `user` is the current one).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Nginx {
	child: ChildProcess;
	baseUrl: string;
	output(): string;
	stop(): Promise<void>;
}

/** The shipped server block with this test's listen port, upstream instances and cache folder. */
export function renderConfig(options: { port: number; upstreams: number[]; dir: string }): string {
	const shipped = readFileSync('deploy/nginx/throughline.conf', 'utf8');
	const servers = options.upstreams
		.map((port) => `\tserver 127.0.0.1:${port} max_fails=1 fail_timeout=5s;`)
		.join('\n');
	const rendered = shipped
		.replace(/^\tserver 127\.0\.0\.1:\d+ .*\n(?:\tserver 127\.0\.0\.1:\d+ .*\n)*/m, `${servers}\n`)
		.replace(/^\tlisten 80;$/m, `\tlisten 127.0.0.1:${options.port};`)
		.replace('/var/cache/nginx/throughline', path.join(options.dir, 'cache'));
	if (rendered.includes('listen 80;') || !rendered.includes(servers))
		throw new Error('deploy/nginx/throughline.conf no longer has the lines this test replaces');
	const temp = (name: string) => path.join(options.dir, name);
	// As root nginx's workers would run as nobody, who cannot enter the test's private folders.
	const user = process.getuid?.() === 0 ? 'user root;\n' : '';
	return `${user}daemon off;
worker_processes 1;
pid ${temp('nginx.pid')};
error_log stderr warn;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path ${temp('body')};
	proxy_temp_path ${temp('proxy')};
	fastcgi_temp_path ${temp('fastcgi')};
	uwsgi_temp_path ${temp('uwsgi')};
	scgi_temp_path ${temp('scgi')};
${rendered}
}
`;
}

export async function startNginx(options: {
	port: number;
	upstreams: number[];
	dir: string;
}): Promise<Nginx> {
	mkdirSync(options.dir, { recursive: true });
	const file = path.join(options.dir, 'nginx.conf');
	writeFileSync(file, renderConfig(options));
	const child = spawn('nginx', ['-c', file, '-e', 'stderr'], { stdio: ['ignore', 'pipe', 'pipe'] });
	let log = '';
	child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
	let exited = false;
	const done = new Promise<void>((resolve) =>
		child.on('exit', () => {
			exited = true;
			resolve();
		})
	);
	const baseUrl = `http://127.0.0.1:${options.port}`;
	const deadline = Date.now() + 10_000;
	for (;;) {
		if (exited) throw new Error(`nginx exited:\n${log}`);
		if (Date.now() > deadline) throw new Error(`nginx did not answer:\n${log}`);
		try {
			await fetch(`${baseUrl}/`);
			break;
		} catch {
			await sleep(100);
		}
	}
	return {
		child,
		baseUrl,
		output: () => log,
		stop: async () => {
			if (!exited) child.kill('SIGQUIT');
			await done;
		}
	};
}
