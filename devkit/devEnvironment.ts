/** The editor set-up of `npm run dev` (n8n with this package, the sandbox, credentials and examples), also used by the browser test. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { sandboxCredentials } from '../sandbox/credentialFile';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { importCredentials, importWorkflow } from './n8nCli';
import { ensureN8n, packPackage, prepareHome } from './n8nHome';
import { setupOwner } from './n8nRest';
import { startN8n, type RunningN8n } from './n8nServer';
import { ROOT } from './project';

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
