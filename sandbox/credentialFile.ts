import { DEFAULT_RULES, type Account } from './placeOrder';
import type { Sandbox } from './server';

export const SANDBOX_CREDENTIAL_ID = 'sectigoSandbox01';

/** The same credential without its client certificate, key and passphrase (to see mutual TLS refuse it). */
export function withoutClientCertificate<T extends { data: Record<string, string> }>(credential: T): T {
	const data = { ...credential.data };
	for (const field of ['clientCertificate', 'privateKey', 'passphrase']) delete data[field];
	return { ...credential, data };
}

/**
 * n8n credentials (for `n8n import:credentials`) that point at a running sandbox: one for the public endpoint
 * (login and password) and one for the client-certificate endpoint (mutual TLS, login name alone).
 */
export function sandboxCredentials(sandbox: Sandbox, { loginName, loginPassword }: Account = DEFAULT_RULES.accounts[0]) {
	const common = { endpoint: 'custom', ap: 'SandboxBrand', loginName, caCertificate: sandbox.pki.caCert };
	return [
		{
			id: SANDBOX_CREDENTIAL_ID,
			name: 'Sectigo Sandbox',
			type: 'sectigoPlaceOrderApi',
			data: { ...common, customUrl: sandbox.url, loginPassword },
		},
		{
			id: `${SANDBOX_CREDENTIAL_ID}c`,
			name: 'Sectigo Sandbox (client certificate)',
			type: 'sectigoPlaceOrderApi',
			data: {
				...common,
				customUrl: sandbox.clientCertificateUrl,
				clientCertificate: sandbox.pki.clientCert,
				privateKey: sandbox.pki.clientKeyEncrypted,
				passphrase: sandbox.pki.passphrase,
			},
		},
	];
}
