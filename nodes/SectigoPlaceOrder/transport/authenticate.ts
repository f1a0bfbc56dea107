import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { clientTlsOptions } from './clientTls';
import { withCredentialFields } from './credentialFields';
import { endpointUrl } from './endpoint';

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
 * The credential's `authenticate` function. It owns the endpoint (the URL comes from the credential), adds
 * the login fields to the form body, and attaches the client certificate as `agentOptions`.
 */
export async function authenticate(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const agentOptions = clientTlsOptions(credentials);
	return {
		...requestOptions,
		url: endpointUrl(credentials),
		method: 'POST',
		body: withCredentialFields(credentials, formBody(requestOptions.body)),
		headers: { ...requestOptions.headers, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
		...(agentOptions ? { agentOptions: { ...requestOptions.agentOptions, ...agentOptions } } : {}),
	};
}
