/** `n8n start` as a server on loopback, and waiting for what it registers. */
import { spawn, type ChildProcess } from 'node:child_process';

import { withBrokerPort } from './n8nCli';
import type { N8nHome } from './n8nHome';

export interface RunningN8n {
	url: string;
	process: ChildProcess;
	log: () => string;
	stop(): Promise<void>;
}

/** Starts `n8n start` on 127.0.0.1 and waits until it serves its REST API. */
export async function startN8n(home: N8nHome, port: number, timeoutMs = 120_000): Promise<RunningN8n> {
	const child = spawn(home.binary, ['start'], { env: { ...(await withBrokerPort(home.env)), N8N_PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const url = `http://127.0.0.1:${port}`;
	const running: RunningN8n = {
		url,
		process: child,
		log: () => output,
		stop: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
				setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
			}),
	};
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n start exited with ${child.exitCode}:\n${output}`);
		const ready = await fetch(`${url}/rest/settings`)
			.then(async (response) => response.ok && (response.headers.get('content-type') ?? '').includes('json'))
			.catch(() => false);
		if (ready) return running;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	await running.stop();
	throw new Error(`n8n did not start within ${timeoutMs / 1000} s:\n${output}`);
}

/**
 * Waits until a production webhook is registered: n8n registers published workflows only after its REST API is
 * up. A GET to a POST webhook answers "did you mean to make a POST request" once it is there (and runs nothing).
 */
export async function waitForPostWebhook(url: string, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let last = '';
	while (Date.now() < deadline) {
		last = await fetch(url).then((response) => response.text(), (error: Error) => error.message);
		if (/POST request/i.test(last)) return;
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
	throw new Error(`webhook ${url} not registered within ${timeoutMs / 1000} s: ${last}`);
}
