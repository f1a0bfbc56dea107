import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { ClientTlsOptions } from '../credential/clientTls';
import { networkFailure, type NetworkFailure } from './networkFailure';
import { readReplyBody, type ReplyBody, type ReplyStream } from './readReplyBody';

/** Sectigo is given this long to answer, headers and body together; the Timeout option changes it. */
export const DEFAULT_DEADLINE_SECONDS = 120;

export interface RawReply {
	status: number;
	body: string;
	location?: string;
	tooLarge: boolean;
}

/** What one attempt gave: a reply to judge, or a failure on the way (with whether the order may exist). */
export type SendResult = { sent: true; reply: RawReply } | { sent: false; failure: NetworkFailure };

export interface OrderRequest {
	url: string;
	/** The whole form, identity fields included. */
	body: URLSearchParams;
	tls?: ClientTlsOptions;
	deadlineMs: number;
	/** Aborts when the execution is cancelled. */
	cancelSignal?: AbortSignal;
}

const ACCEPT = 'application/x-www-form-urlencoded, text/plain;q=0.9, */*;q=0.1';

/**
 * One url-encoded POST, exactly one attempt: placing an order is not idempotent. It goes through n8n's plain
 * request helper, which makes one HTTP client call and never repeats it (the authenticated helper re-sends
 * after some 401 errors). Redirects are not followed and HTTP error statuses do not throw, so that whatever
 * came back can be judged by parseReply. The body is read as a stream, under one deadline that covers the
 * headers and the body, and at most MAX_REPLY_BYTES of it.
 */
export async function sendOrder(helpers: IExecuteFunctions['helpers'], request: OrderRequest): Promise<SendResult> {
	const deadline = AbortSignal.timeout(request.deadlineMs);
	const signal = request.cancelSignal ? AbortSignal.any([deadline, request.cancelSignal]) : deadline;
	const options: IHttpRequestOptions = {
		method: 'POST',
		url: request.url,
		body: request.body.toString(),
		headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', accept: ACCEPT },
		encoding: 'stream',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
		timeout: request.deadlineMs,
		abortSignal: signal,
		...(request.tls ? { agentOptions: { ...request.tls } } : {}),
	};
	const failed = (error: unknown, replyStarted: boolean): SendResult => ({
		sent: false,
		failure: networkFailure(error, { deadline, cancel: request.cancelSignal, replyStarted }),
	});

	let response: { statusCode?: number; body?: unknown; headers?: Record<string, unknown> };
	try {
		response = await helpers.httpRequest(options);
	} catch (error) {
		return failed(error, false);
	}
	let body: ReplyBody;
	try {
		body = await readReplyBody(response.body as ReplyStream, signal);
	} catch (error) {
		return failed(error, true);
	}
	const location = response.headers?.location;
	return {
		sent: true,
		reply: {
			status: response.statusCode ?? 0,
			body: body.text,
			tooLarge: body.tooLarge,
			...(typeof location === 'string' ? { location } : {}),
		},
	};
}
