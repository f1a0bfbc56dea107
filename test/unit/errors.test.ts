import { networkFailure } from '../../nodes/SectigoPlaceOrder/errors/networkFailure';
import { redact } from '../../nodes/SectigoPlaceOrder/errors/redact';

describe('redact', () => {
	test('removes secrets as they are and as a form body carries them', () => {
		const secret = 'p@ss word&1';
		const text = `loginPassword=${new URLSearchParams({ s: secret }).toString().slice(2)} or ${encodeURIComponent(secret)} or ${secret}`;
		expect(redact(text, [secret])).toBe('loginPassword=[redacted] or [redacted] or [redacted]');
	});

	test('leaves very short secrets alone (they would blank ordinary words)', () => {
		expect(redact('a b c', ['b'])).toBe('a b c');
	});
});

describe('network failures', () => {
	const wrapped = (code: string, message: string) => ({ message: 'outer', cause: Object.assign(new Error(message), { code }) });

	test('a refused connection or a TLS handshake failure happened before sending', () => {
		expect(networkFailure(wrapped('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1'))).toEqual({
			code: 'ECONNREFUSED',
			message: 'connect ECONNREFUSED 127.0.0.1:1',
			orderMayExist: false,
		});
		expect(networkFailure(wrapped('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', 'alert')).orderMayExist).toBe(false);
		expect(networkFailure(wrapped('UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'x')).orderMayExist).toBe(false);
	});

	test('a reset, a timeout or an unknown failure may have placed the order', () => {
		expect(networkFailure(wrapped('ECONNRESET', 'socket hang up')).orderMayExist).toBe(true);
		expect(networkFailure(wrapped('ECONNABORTED', 'timeout of 120000ms exceeded')).orderMayExist).toBe(true);
		expect(networkFailure(new Error('something odd'))).toEqual({ code: undefined, message: 'something odd', orderMayExist: true });
	});
});
