import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { ORDER_PARAMETERS } from '../catalog';

/** Who the order is for, as the credential says: the catalog's rows marked `fromCredential`, by Sectigo name. */
export type Identity = Readonly<Record<string, string | undefined>>;

/**
 * The order parameters the credential supplies (the credential's fields carry the same names): the account
 * first, then the brand, as Sectigo's sample request sends them.
 */
const IDENTITY = ORDER_PARAMETERS.filter((p) => p.spec.fromCredential).sort(
	(a, b) => Number(b.group?.key === 'account') - Number(a.group?.key === 'account'),
);

/** The credential's identity fields that are set (names trimmed; a secret as typed). */
export function identityOf(credentials: ICredentialDataDecryptedObject): Identity {
	const identity: Record<string, string | undefined> = {};
	for (const { spec } of IDENTITY) {
		const value = credentials[spec.name];
		identity[spec.name] = typeof value === 'string' && value.trim() !== '' ? (spec.secret ? value : value.trim()) : undefined;
	}
	return identity;
}

/**
 * Adds the credential's identity to a form body, first. A value the order already carries (a per-order
 * override) wins, and an order that names its own account does not get the credential's password.
 */
export function withIdentity(identity: Identity, body: URLSearchParams): URLSearchParams {
	const result = new URLSearchParams();
	for (const { spec, group } of IDENTITY) {
		const value = identity[spec.name];
		if (value === undefined || body.has(spec.name)) continue;
		const ownAccount = IDENTITY.some((other) => other.group === group && !other.spec.secret && body.has(other.spec.name));
		if (spec.secret && ownAccount) continue;
		result.append(spec.name, value);
	}
	for (const [name, value] of body) result.append(name, value);
	return result;
}
