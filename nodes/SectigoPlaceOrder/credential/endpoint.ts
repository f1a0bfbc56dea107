import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { CredentialSetupError } from '../errors/credentialSetupError';
import {
	CLIENT_CERTIFICATE_ENDPOINT,
	ENDPOINT_KINDS,
	PLACE_ORDER_PATH,
	PUBLIC_ENDPOINT,
	type EndpointKind,
} from '../catalog/endpoints';
import { FIELD } from './names';

/** Which Sectigo host the credential points at. A value the credential does not offer is refused, never guessed. */
export function endpointKind(credentials: ICredentialDataDecryptedObject): EndpointKind {
	const kind = credentials[FIELD.endpoint] ?? 'public';
	if ((ENDPOINT_KINDS as readonly unknown[]).includes(kind)) return kind as EndpointKind;
	throw new CredentialSetupError(
		`Endpoint "${String(kind)}" is not one this credential knows: choose Public, Client Certificate or Custom HTTPS URL.`,
	);
}

/**
 * The full PlaceOrder URL for a credential. A custom URL must be HTTPS (Sectigo refuses plain HTTP with
 * error -1, and the login would travel in clear); a bare host gets Sectigo's path appended.
 */
export function endpointUrl(credentials: ICredentialDataDecryptedObject): string {
	const kind = endpointKind(credentials);
	if (kind === 'public') return PUBLIC_ENDPOINT;
	if (kind === 'clientCertificate') return CLIENT_CERTIFICATE_ENDPOINT;

	const customUrl = credentials[FIELD.customUrl];
	const text = typeof customUrl === 'string' ? customUrl.trim() : '';
	const url = URL.canParse(text) ? new URL(text) : undefined;
	if (!url) {
		throw new CredentialSetupError(`The credential's custom URL "${text}" is not a valid URL: use https://host[:port]`);
	}
	if (url.protocol !== 'https:') {
		throw new CredentialSetupError(
			`The credential's custom URL uses ${url.protocol.replace(':', '')}: Sectigo's API takes HTTPS only, so plain HTTP is refused. Use an https:// URL.`,
		);
	}
	const path = url.pathname.replace(/\/+$/, '');
	url.pathname = path === '' ? PLACE_ORDER_PATH : path;
	return url.toString();
}
