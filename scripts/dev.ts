/**
 * `npm run dev`: the n8n editor on 127.0.0.1 with this package loaded, the sandbox running, a sandbox credential
 * and the example workflows imported, and an owner account ready. Prints the URL and the login; Ctrl+C stops all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { sandboxCredentials } from '../sandbox/credentialFile';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { ensureN8n, importCredentials, importWorkflow, packPackage, prepareHome, ROOT, startN8n, type RunningN8n } from './realN8n';

export const DEV_LOGIN = { email: 'owner@sandbox.test', password: 'Sandbox-Owner-1', firstName: 'Sandbox', lastName: 'Owner' };

/** Creates the instance owner over n8n's REST API (a fresh n8n has none). */
export async function setupOwner(url: string): Promise<void> {
	const response = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(DEV_LOGIN),
	});
	if (!response.ok) throw new Error(`owner setup failed: HTTP ${response.status} ${await response.text()}`);
}

export interface DevEnvironment {
	sandbox: Sandbox;
	n8n: RunningN8n;
	stop(): Promise<void>;
}

/** The whole editor set-up, also used by the browser test. */
export async function startDevEnvironment(
	port: number,
	{ sandboxPorts = {}, folder = join(ROOT, '.cache', 'dev-home') }: { sandboxPorts?: { port?: number; clientCertificatePort?: number }; folder?: string } = {},
): Promise<DevEnvironment> {
	const sandbox = await startSandbox(sandboxPorts);
	try {
		const home = prepareHome(ensureN8n(), packPackage(), folder);
		await importCredentials(home, sandboxCredentials(sandbox));
		for (const file of readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.json')).sort()) {
			await importWorkflow(home, JSON.parse(readFileSync(join(ROOT, 'examples', file), 'utf8')));
		}
		const n8n = await startN8n(home, port);
		await setupOwner(n8n.url);
		return { sandbox, n8n, stop: async () => (await n8n.stop(), await sandbox.close()) };
	} catch (error) {
		await sandbox.close();
		throw error;
	}
}

async function main() {
	const { values } = parseArgs({ options: { port: { type: 'string', default: '5678' } } });
	console.log('Starting the sandbox and n8n (the first run installs n8n: a few minutes)...');
	const dev = await startDevEnvironment(Number(values.port), { sandboxPorts: { port: 8443, clientCertificatePort: 8444 } });
	console.log(`
n8n editor:   ${dev.n8n.url}
login:        ${DEV_LOGIN.email} / ${DEV_LOGIN.password}
credentials:  "Sectigo Sandbox" (login) and "Sectigo Sandbox (client certificate)"
workflows:    the three examples from examples/
sandbox:      ${dev.sandbox.url}/__sandbox/requests and /__sandbox/orders
Ctrl+C stops n8n and the sandbox.`);
	const stop = () => void dev.stop().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

if (require.main === module) {
	main().catch((error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	});
}
