import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { withIdentity } from './identityFields';
import { readCredential } from './readCredential';

function formBody(body: IHttpRequestOptions['body']): URLSearchParams {
	if (body instanceof URLSearchParams) return new URLSearchParams(body);
	const form = new URLSearchParams();
	if (body && typeof body === 'object' && !Array.isArray(body) && !Buffer.isBuffer(body)) {
		for (const [name, value] of Object.entries(body as IDataObject)) {
			if (value !== undefined && value !== null) form.append(name, String(value));
		}
	}
	return form;
}

/**
 * The credential's `authenticate` function, used by the credential's Test. It points the request at the
 * credential's endpoint, adds the login fields to the form body and attaches the client certificate. The node
 * itself does not send through it: it reads the credential once and sends each order with one plain request
 * (see transport/sendOrder.ts), so that nothing in n8n can repeat an order.
 */
export async function authenticate(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const credential = readCredential(credentials);
	return {
		...requestOptions,
		url: credential.url,
		method: 'POST',
		body: withIdentity(credential.identity, formBody(requestOptions.body)),
		headers: { ...requestOptions.headers, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
		...(credential.tls ? { agentOptions: { ...requestOptions.agentOptions, ...credential.tls } } : {}),
	};
}
