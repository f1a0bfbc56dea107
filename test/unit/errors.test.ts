import { networkFailure } from '../../nodes/SectigoPlaceOrder/transport/networkFailure';
import { redact } from '../../nodes/SectigoPlaceOrder/errors/redact';

describe('redact', () => {
	const secret = "p@ss word&1<'x'>";

	test('removes secrets as they are and as a form body carries them', () => {
		const text = `loginPassword=${new URLSearchParams({ s: secret }).toString().slice(2)} or ${encodeURIComponent(secret)} or ${secret}`;
		expect(redact(text, [secret])).toBe('loginPassword=[redacted] or [redacted] or [redacted]');
	});

	test('removes lower-case %-escapes, HTML escapes and base64', () => {
		const lower = encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase());
		const html = secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;');
		const base64 = Buffer.from(secret).toString('base64');
		const text = `${lower} | ${html} | ${html.replace(/&#39;/g, '&#x27;')} | ${base64}`;
		const clean = redact(text, [secret]);
		expect(clean).not.toMatch(/p@ss|p%40ss|ss%20word|word&amp;|cEBzcyB3b3Jk/i);
		expect(clean.split('[redacted]')).toHaveLength(5);
	});

	test('leaves very short secrets alone (they would blank ordinary words)', () => {
		expect(redact('a b c', ['b'])).toBe('a b c');
	});
});

describe('network failures', () => {
	const wrapped = (code: string, message: string, socket?: object) => ({
		message: 'outer',
		...(socket ? { request: { socket } } : {}),
		cause: Object.assign(new Error(message), { code }),
	});
	const handshakeDone = { authorized: true };
	const handshakeNotDone = { authorized: false };

	test('a refused connection, or a server certificate refused by this side, happened before sending', () => {
		expect(networkFailure(wrapped('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1'))).toEqual({
			code: 'ECONNREFUSED',
			message: 'connect ECONNREFUSED 127.0.0.1:1',
			orderMayExist: false,
		});
		expect(networkFailure(wrapped('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'x')).orderMayExist).toBe(false);
	});

	test('a TLS error counts as "not sent" only when the handshake provably never completed', () => {
		expect(networkFailure(wrapped('EPROTO', 'alert handshake failure', handshakeNotDone)).orderMayExist).toBe(false);
		expect(networkFailure(wrapped('ECONNRESET', 'socket disconnected before secure TLS connection', handshakeNotDone)).orderMayExist).toBe(false);
		// TLS 1.3: the server refuses the client certificate after the client finished and wrote its request.
		expect(networkFailure(wrapped('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', 'alert', handshakeDone)).orderMayExist).toBe(true);
		// A corrupted record carrying the reply of a placed order.
		expect(networkFailure(wrapped('ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC', 'bad record mac', handshakeDone)).orderMayExist).toBe(true);
		// Without the socket there is no proof.
		expect(networkFailure(wrapped('ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC', 'bad record mac')).orderMayExist).toBe(true);
	});

	test('a reset, a timeout or an unknown failure may have placed the order', () => {
		expect(networkFailure(wrapped('ECONNRESET', 'socket hang up')).orderMayExist).toBe(true);
		expect(networkFailure(wrapped('ECONNABORTED', 'timeout of 120000ms exceeded', handshakeDone)).orderMayExist).toBe(true);
		expect(networkFailure(new Error('something odd'))).toEqual({ code: undefined, message: 'something odd', orderMayExist: true });
	});

	test('once the reply has begun, the order may exist whatever the error', () => {
		expect(networkFailure(wrapped('ECONNREFUSED', 'x', handshakeNotDone), { replyStarted: true }).orderMayExist).toBe(true);
	});

	test('a deadline and a cancellation are told apart', () => {
		const deadline = AbortSignal.abort();
		expect(networkFailure(wrapped('ERR_CANCELED', 'canceled', handshakeDone), { deadline })).toMatchObject({
			timedOut: true,
			orderMayExist: true,
			message: 'no complete answer before the deadline',
		});
		const cancel = AbortSignal.abort();
		expect(networkFailure(wrapped('ERR_CANCELED', 'canceled', handshakeNotDone), { deadline: cancel, cancel })).toMatchObject({
			cancelled: true,
			orderMayExist: false,
		});
	});
});
