import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { sandboxCredentials } from './credentialFile';
import { FAULTS, startSandbox, type Fault } from './server';

/** `npm run sandbox [-- --port 8443 --client-port 8444 --latency 0 --fault none --out .cache/sandbox]` */
async function main() {
	const { values } = parseArgs({
		options: {
			port: { type: 'string', default: '8443' },
			'client-port': { type: 'string', default: '8444' },
			latency: { type: 'string', default: '0' },
			fault: { type: 'string', default: 'none' },
			out: { type: 'string', default: '.cache/sandbox' },
		},
	});
	if (!FAULTS.includes(values.fault as Fault)) throw new Error(`--fault must be one of ${FAULTS.join(', ')}`);

	const sandbox = await startSandbox({
		port: Number(values.port),
		clientCertificatePort: Number(values['client-port']),
		latencyMs: Number(values.latency),
		fault: values.fault as Fault,
	});

	const out = resolve(values.out);
	mkdirSync(out, { recursive: true });
	const files: Record<string, string> = {
		'ca.pem': sandbox.pki.caCert,
		'client.pem': sandbox.pki.clientCert,
		'client-key.pem': sandbox.pki.clientKey,
		'client-key-encrypted.pem': sandbox.pki.clientKeyEncrypted,
		'client-key-passphrase.txt': `${sandbox.pki.passphrase}\n`,
		'n8n-credentials.json': `${JSON.stringify(sandboxCredentials(sandbox), null, 2)}\n`,
	};
	for (const [name, text] of Object.entries(files)) writeFileSync(join(out, name), text, { mode: 0o600 });

	console.log(`Sectigo PlaceOrder sandbox
  public endpoint:             ${sandbox.url}/products/!PlaceOrder   (login sandbox-user / sandbox-password)
  client-certificate endpoint: ${sandbox.clientCertificateUrl}/products/!PlaceOrder   (mutual TLS, login name alone)
  requests and orders:         ${sandbox.url}/__sandbox/requests, ${sandbox.url}/__sandbox/orders
  knobs:                       POST ${sandbox.url}/__sandbox/config {"fault": "${FAULTS.join('|')}", "latencyMs": 0}
  CA and client certificate:   ${out}/ (n8n-credentials.json is ready for n8n import:credentials)
Ctrl+C stops it.`);

	const stop = () => void sandbox.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
