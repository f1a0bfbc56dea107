import type { IExecuteFunctions } from 'n8n-workflow';

import { TransportError } from '../errors/failures';
import { networkFailure } from '../errors/networkFailure';
import { CREDENTIAL_NAME } from './credentialFields';

/** Sectigo is given this long to answer; a timeout leaves the order in doubt, so it is generous. */
export const REQUEST_TIMEOUT_MS = 120_000;

export interface RawReply {
	status: number;
	body: string;
	location?: string;
}

/**
 * One url-encoded POST through the credential (which adds the endpoint, the login fields and the client
 * certificate). Exactly one attempt: placing an order is not idempotent. Redirects are not followed and HTTP
 * error statuses do not throw, so that whatever came back can be judged by parseReply.
 */
export async function sendOrder(this: IExecuteFunctions, url: string, body: URLSearchParams): Promise<RawReply> {
	const response = await this.helpers.httpRequestWithAuthentication
		.call(this, CREDENTIAL_NAME, {
			method: 'POST',
			url,
			body,
			headers: { accept: 'application/x-www-form-urlencoded, text/plain;q=0.9, */*;q=0.1' },
			encoding: 'text',
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			timeout: REQUEST_TIMEOUT_MS,
		})
		.then(
			(reply: { statusCode?: number; body?: unknown; headers?: Record<string, unknown> }) => reply,
			(error: unknown) => new TransportError(networkFailure(error)),
		);
	if (response instanceof TransportError) throw response;
	const location = response.headers?.location;
	return {
		status: response.statusCode ?? 0,
		body: typeof response.body === 'string' ? response.body : String(response.body ?? ''),
		...(typeof location === 'string' ? { location } : {}),
	};
}
