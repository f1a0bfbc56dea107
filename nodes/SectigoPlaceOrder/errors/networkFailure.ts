/**
 * Reads a failed request's error chain (n8n wraps the HTTP client's error) and says whether the request can
 * have reached Sectigo. Only failures that provably happen before the request is sent (name resolution,
 * a refused connection, the TLS handshake) rule out a placed order; anything else (a reset, a timeout, a
 * cut-off reply) may have placed one.
 */
export interface NetworkFailure {
	code?: string;
	message: string;
	orderMayExist: boolean;
}

const BEFORE_SENDING = new Set([
	'ENOTFOUND',
	'EAI_AGAIN',
	'ECONNREFUSED',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EPROTO',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'CERT_HAS_EXPIRED',
	'CERT_NOT_YET_VALID',
	'CERT_UNTRUSTED',
	'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const isBeforeSending = (code: string) => BEFORE_SENDING.has(code) || code.startsWith('ERR_SSL_');

function chainOf(error: unknown): Array<Record<string, unknown>> {
	const chain: Array<Record<string, unknown>> = [];
	let current: unknown = error;
	while (current !== null && typeof current === 'object' && chain.length < 8 && !chain.includes(current as never)) {
		const level = current as Record<string, unknown>;
		chain.push(level);
		current = level.cause ?? level.reason;
	}
	return chain;
}

export function networkFailure(error: unknown): NetworkFailure {
	const chain = chainOf(error);
	const code = chain.map((level) => level.code).find((c): c is string => typeof c === 'string' && /^[A-Z_0-9]+$/.test(c));
	const messages = chain.map((level) => level.message).filter((m): m is string => typeof m === 'string' && m !== '');
	const message = messages[messages.length - 1] ?? 'unknown error';
	return { code, message, orderMayExist: code === undefined || !isBeforeSending(code) };
}
