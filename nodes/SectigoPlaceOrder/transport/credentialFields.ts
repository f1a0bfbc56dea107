import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export const CREDENTIAL_NAME = 'sectigoPlaceOrderApi';

/**
 * Adds the credential's identity to a form body: loginName, loginPassword and ap, first, as in Sectigo's sample
 * request. A value the order already carries (a per-order override) wins; an order that names its own
 * loginName does not get the credential's password.
 */
export function withCredentialFields(credentials: ICredentialDataDecryptedObject, body: URLSearchParams): URLSearchParams {
	const fromCredential = (name: string): string | undefined => {
		const value = credentials[name];
		return typeof value === 'string' && value.trim() !== '' && !body.has(name) ? value : undefined;
	};
	const loginName = fromCredential('loginName');
	const loginPassword = body.has('loginName') ? undefined : fromCredential('loginPassword');
	const ap = fromCredential('ap');

	const result = new URLSearchParams();
	if (loginName !== undefined) result.append('loginName', loginName.trim());
	if (loginPassword !== undefined) result.append('loginPassword', loginPassword);
	if (ap !== undefined) result.append('ap', ap.trim());
	for (const [name, value] of body) result.append(name, value);
	return result;
}
