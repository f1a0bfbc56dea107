import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { clientTlsOptions } from '../transport/clientTls';
import { endpointKind, endpointUrl, type EndpointKind } from '../transport/endpoint';

/** Where and how this node run sends, worked out once from the credential before any item. */
export interface Connection {
	url: string;
	kind: EndpointKind;
	clientCertificate: boolean;
}

/**
 * Checks the credential's endpoint and client certificate before anything is sent, so that a bad URL, a wrong
 * passphrase or a mismatched key is reported by name (the credential's authenticate function repeats the same
 * steps when it sends).
 */
export function connectionOf(credentials: ICredentialDataDecryptedObject): Connection {
	return {
		url: endpointUrl(credentials),
		kind: endpointKind(credentials),
		clientCertificate: clientTlsOptions(credentials)?.cert !== undefined,
	};
}

/** The credential's secret values, for scrubbing text that reaches the user. */
export function credentialSecrets(credentials: ICredentialDataDecryptedObject): string[] {
	return ['loginPassword', 'passphrase', 'privateKey']
		.map((name) => credentials[name])
		.filter((value): value is string => typeof value === 'string' && value !== '');
}
