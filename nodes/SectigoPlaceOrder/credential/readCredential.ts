import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { CredentialSetupError } from '../errors/credentialSetupError';
import { clientTlsOptions, type ClientTlsOptions } from './clientTls';
import { endpointKind, endpointUrl } from './endpoint';
import { identityOf, type Identity } from './identityFields';
import type { EndpointKind } from '../catalog/endpoints';
import { FIELD, SECRET_FIELDS } from './names';
import { normalizePem } from './pem';

/** Everything the node needs from the credential, read and checked once per execution. */
export interface SectigoCredential {
	kind: EndpointKind;
	url: string;
	/** Client certificate, key, passphrase and CA for the HTTPS agent; undefined for the public host. */
	tls?: ClientTlsOptions;
	/** Whether a client certificate is presented. */
	clientCertificate: boolean;
	identity: Identity;
}

/**
 * Reads the credential: endpoint, URL, TLS options and identity. Throws CredentialSetupError (its message is
 * safe to show) when the credential cannot be used: an unknown endpoint, a plain-HTTP URL, a bad certificate or
 * key, a wrong passphrase, a certificate outside its validity dates.
 */
export function readCredential(credentials: ICredentialDataDecryptedObject, now = new Date()): SectigoCredential {
	const kind = endpointKind(credentials);
	const url = endpointUrl(credentials);
	const tls = kind === 'public' ? undefined : clientTlsOptions(credentials, now);
	if (kind === 'clientCertificate' && tls?.cert === undefined) {
		throw new CredentialSetupError('The Client Certificate endpoint needs the client certificate and private key Sectigo issued you.');
	}
	return { kind, url, tls, clientCertificate: tls?.cert !== undefined, identity: identityOf(credentials) };
}

const MIN_KEY_LINE = 16;

/**
 * The credential's secret values in every form they can take in text: the password and passphrase, the private
 * key as pasted and as normalised, and each base64 line of it (an excerpt may hold a piece of the key).
 * Never throws, so that it can scrub the error of a credential that cannot be read.
 */
export function credentialSecrets(credentials: ICredentialDataDecryptedObject): string[] {
	const secrets = new Set<string>();
	for (const name of SECRET_FIELDS) {
		const value = credentials[name];
		if (typeof value === 'string' && value !== '') secrets.add(value);
	}
	const key = credentials[FIELD.privateKey];
	if (typeof key === 'string' && key.trim() !== '') {
		let normalised = key;
		try {
			normalised = normalizePem(key, 'Private Key');
		} catch {
			// not PEM: the pasted text itself is scrubbed as a whole and by its pieces below
		}
		secrets.add(normalised.trim());
		for (const line of `${key}\n${normalised}`.split(/[\s\\]+|\\n/)) {
			if (line.length >= MIN_KEY_LINE && !line.startsWith('-----')) secrets.add(line);
		}
	}
	return [...secrets];
}
