import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { sandboxCredentials } from './credentialFile';
import { DEFAULT_RULES } from './placeOrder';
import { FAULTS, startSandbox, type Fault } from './server';

/**
 * `npm run sandbox [-- --port 8443 --client-port 8444 --latency 0 --fault none --out .cache/sandbox
 *  --account name:password ...]` (each --account replaces the default sandbox-user:sandbox-password)
 */
async function main() {
	const { values } = parseArgs({
		options: {
			port: { type: 'string', default: '8443' },
			'client-port': { type: 'string', default: '8444' },
			latency: { type: 'string', default: '0' },
			fault: { type: 'string', default: 'none' },
			out: { type: 'string', default: '.cache/sandbox' },
			account: { type: 'string', multiple: true },
		},
	});
	const accounts = (values.account ?? []).map((account) => {
		const [loginName, ...password] = account.split(':');
		if (!loginName || password.length === 0) throw new Error('--account takes name:password');
		return { loginName, loginPassword: password.join(':') };
	});
	if (!FAULTS.includes(values.fault as Fault)) throw new Error(`--fault must be one of ${FAULTS.join(', ')}`);

	const sandbox = await startSandbox({
		port: Number(values.port),
		clientCertificatePort: Number(values['client-port']),
		latencyMs: Number(values.latency),
		fault: values.fault as Fault,
		...(accounts.length > 0 ? { rules: { accounts } } : {}),
	});
	const account = accounts[0] ?? DEFAULT_RULES.accounts[0];

	const out = resolve(values.out);
	mkdirSync(out, { recursive: true });
	const files: Record<string, string> = {
		'ca.pem': sandbox.pki.caCert,
		'client.pem': sandbox.pki.clientCert,
		'client-key.pem': sandbox.pki.clientKey,
		'client-key-encrypted.pem': sandbox.pki.clientKeyEncrypted,
		'client-key-passphrase.txt': `${sandbox.pki.passphrase}\n`,
		'n8n-credentials.json': `${JSON.stringify(sandboxCredentials(sandbox, account), null, 2)}\n`,
	};
	for (const [name, text] of Object.entries(files)) writeFileSync(join(out, name), text, { mode: 0o600 });

	console.log(`Sectigo PlaceOrder sandbox
  public endpoint:             ${sandbox.url}/products/!PlaceOrder   (login ${account.loginName} / ${account.loginPassword})
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
