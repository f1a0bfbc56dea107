/**
 * `npm run dev`: the n8n editor on 127.0.0.1 with this package loaded, the sandbox running, a sandbox credential
 * and the example workflows imported, and an owner account ready. Prints the URL and the login; Ctrl+C stops all.
 */
import { parseArgs } from 'node:util';

import { startDevEnvironment } from '../devkit/devEnvironment';
import { DEV_LOGIN } from '../devkit/n8nRest';

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

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
