import { normalizePem } from '../../nodes/SectigoPlaceOrder/credential/pem';
import { clientTlsOptions } from '../../nodes/SectigoPlaceOrder/credential/clientTls';
import { asOneLine, makeTestPki } from '../../sandbox/pki';

const pki = makeTestPki();
const custom = { endpoint: 'custom', customUrl: 'https://127.0.0.1:9' };

describe('PEM normalisation', () => {
	test('a certificate pasted on one line gets its line breaks back', () => {
		expect(normalizePem(asOneLine(pki.clientCert), 'Client Certificate')).toBe(pki.clientCert);
	});

	test('literal \\n sequences and Windows line ends are undone', () => {
		const escaped = pki.clientCert.trim().replace(/\n/g, '\\r\\n');
		expect(normalizePem(escaped, 'Client Certificate')).toBe(pki.clientCert);
	});

	test('a chain keeps every block, in order', () => {
		const chain = pki.clientCert + pki.caCert;
		expect(normalizePem(asOneLine(chain), 'CA Certificate')).toBe(chain);
	});

	test('legacy encrypted keys keep their Proc-Type and DEK-Info headers', () => {
		expect(pki.clientKeyLegacyEncrypted).toContain('Proc-Type: 4,ENCRYPTED');
		expect(normalizePem(asOneLine(pki.clientKeyLegacyEncrypted), 'Private Key')).toBe(pki.clientKeyLegacyEncrypted);
	});

	test('text without a PEM block is refused, naming the field', () => {
		expect(() => normalizePem('MIIB...', 'Client Certificate')).toThrow('Client Certificate: no PEM block found');
	});
});

describe('client certificate options', () => {
	test('certificate, key and CA pasted on one line come out canonical', () => {
		expect(
			clientTlsOptions({ ...custom, clientCertificate: asOneLine(pki.clientCert), privateKey: asOneLine(pki.clientKey), caCertificate: asOneLine(pki.caCert) }),
		).toEqual({ cert: pki.clientCert, key: pki.clientKey, ca: pki.caCert });
	});

	test('an encrypted key with the right passphrase is accepted; the passphrase passes untouched', () => {
		const passphrase = ` ${pki.passphrase} `.trim();
		for (const key of [pki.clientKeyEncrypted, pki.clientKeyLegacyEncrypted]) {
			expect(clientTlsOptions({ ...custom, clientCertificate: pki.clientCert, privateKey: asOneLine(key), passphrase })).toEqual({
				cert: pki.clientCert,
				key,
				passphrase,
			});
		}
	});

	test('a wrong or missing passphrase is named, and not repeated', () => {
		const run = (passphrase: string) => () =>
			clientTlsOptions({ ...custom, clientCertificate: pki.clientCert, privateKey: pki.clientKeyEncrypted, passphrase });
		expect(run('wrong passphrase')).toThrow('Private Key: it cannot be decrypted with the passphrase in the credential. Check the passphrase.');
		expect(run('')).toThrow('If it is encrypted, enter its passphrase');
		try {
			run('wrong passphrase')();
		} catch (error) {
			expect(String((error as Error).message)).not.toContain('wrong passphrase');
		}
	});

	test('a key that does not belong to the certificate, or half a pair, is refused', () => {
		expect(() => clientTlsOptions({ ...custom, clientCertificate: pki.clientCert, privateKey: pki.strangerKey })).toThrow(
			'Client Certificate and Private Key do not belong together.',
		);
		expect(() => clientTlsOptions({ ...custom, clientCertificate: pki.clientCert })).toThrow('set both, or neither');
		expect(() => clientTlsOptions({ ...custom, clientCertificate: pki.caCert.replace(/[A-Za-z]{8}\n/, 'AAAA\n'), privateKey: pki.clientKey })).toThrow(
			'Client Certificate: it is not a valid X.509 certificate',
		);
	});

	test('a CA alone is fine (a sandbox with its own CA, no client certificate)', () => {
		expect(clientTlsOptions({ ...custom, caCertificate: pki.caCert })).toEqual({ ca: pki.caCert });
	});
});
