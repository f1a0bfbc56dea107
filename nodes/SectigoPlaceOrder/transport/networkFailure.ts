/**
 * Reads a failed request's error chain and says whether the request can have reached Sectigo. A request is
 * "not sent" only when that is certain: the name did not resolve, the connection was refused, the server's
 * certificate was refused by this side, or the TLS handshake never completed (TLS holds back every request byte
 * until it has). Anything else (a reset, a timeout, a TLS error after the handshake, a cut-off reply) may have
 * placed the order.
 */
export interface NetworkFailure {
	code?: string;
	message: string;
	orderMayExist: boolean;
	/** The order's deadline ran out. */
	timedOut?: boolean;
	/** The execution was cancelled. */
	cancelled?: boolean;
}

/** Failures that happen before any connection carries data. */
const NO_CONNECTION = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH']);

/** This side refused the server's certificate: the handshake stops before any request byte is encrypted. */
const SERVER_CERTIFICATE_REFUSED = new Set([
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'CERT_HAS_EXPIRED',
	'CERT_NOT_YET_VALID',
	'CERT_UNTRUSTED',
	'CERT_REVOKED',
	'ERR_TLS_CERT_ALTNAME_INVALID',
]);

type Level = Record<string, unknown>;

function chainOf(error: unknown): Level[] {
	const chain: Level[] = [];
	let current: unknown = error;
	while (current !== null && typeof current === 'object' && chain.length < 8 && !chain.includes(current as Level)) {
		const level = current as Level;
		chain.push(level);
		current = level.cause ?? level.reason;
	}
	return chain;
}

/** The TLS socket the request used, where the error carries it (the HTTP client attaches its request). */
function socketOf(chain: Level[]): Level | undefined {
	for (const level of chain) {
		const request = level.request as Level | undefined;
		const socket = (request?.socket ?? level.socket) as Level | undefined;
		if (socket && typeof socket === 'object') return socket;
	}
	return undefined;
}

/**
 * Whether the TLS handshake completed: Node sets `authorized` once the handshake is done and the server's
 * certificate verified, just before any request byte may be written. undefined where no socket is known.
 */
function handshakeCompleted(chain: Level[]): boolean | undefined {
	const socket = socketOf(chain);
	if (!socket) return undefined;
	return socket.authorized === true;
}

export interface FailureContext {
	/** The order's deadline signal, to tell a timeout from other aborts. */
	deadline?: AbortSignal;
	cancel?: AbortSignal;
	/** The reply had begun (status and headers read): the request certainly arrived. */
	replyStarted?: boolean;
}

export function networkFailure(error: unknown, context: FailureContext = {}): NetworkFailure {
	const chain = chainOf(error);
	const code = chain.map((level) => level.code).find((c): c is string => typeof c === 'string' && /^[A-Z_0-9]+$/.test(c));
	const messages = chain.map((level) => level.message).filter((m): m is string => typeof m === 'string' && m !== '');
	const timedOut = context.deadline?.aborted === true && context.cancel?.aborted !== true;
	const cancelled = context.cancel?.aborted === true;
	let message = messages[messages.length - 1] ?? 'unknown error';
	if (timedOut) message = 'no complete answer before the deadline';
	if (cancelled) message = 'the execution was cancelled while the order was on its way';

	let notSent: boolean;
	if (context.replyStarted) notSent = false;
	else if (code !== undefined && (NO_CONNECTION.has(code) || SERVER_CERTIFICATE_REFUSED.has(code))) notSent = true;
	else notSent = handshakeCompleted(chain) === false;

	return {
		code,
		message,
		orderMayExist: !notSent,
		...(timedOut ? { timedOut } : {}),
		...(cancelled ? { cancelled } : {}),
	};
}
