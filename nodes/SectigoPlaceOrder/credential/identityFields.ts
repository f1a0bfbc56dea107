import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { FIELD } from './names';

/** Who the order is for, as the credential says: sent as loginName, loginPassword and ap. */
export interface Identity {
	loginName?: string;
	loginPassword?: string;
	ap?: string;
}

const filled = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** The credential's identity fields that are set (names and brand trimmed; the password as typed). */
export function identityOf(credentials: ICredentialDataDecryptedObject): Identity {
	return {
		loginName: filled(credentials[FIELD.loginName])?.trim(),
		loginPassword: filled(credentials[FIELD.loginPassword]),
		ap: filled(credentials[FIELD.ap])?.trim(),
	};
}

/**
 * Adds the credential's identity to a form body: loginName, loginPassword and ap, first, as in Sectigo's sample
 * request. A value the order already carries (a per-order override) wins; an order that names its own
 * loginName does not get the credential's password.
 */
export function withIdentity(identity: Identity, body: URLSearchParams): URLSearchParams {
	const result = new URLSearchParams();
	if (identity.loginName !== undefined && !body.has(FIELD.loginName)) result.append(FIELD.loginName, identity.loginName);
	if (identity.loginPassword !== undefined && !body.has(FIELD.loginName) && !body.has(FIELD.loginPassword)) {
		result.append(FIELD.loginPassword, identity.loginPassword);
	}
	if (identity.ap !== undefined && !body.has(FIELD.ap)) result.append(FIELD.ap, identity.ap);
	for (const [name, value] of body) result.append(name, value);
	return result;
}
