import { asOneLine, makeTestPki } from '../../sandbox/pki';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { runInN8n } from '../harness/runInN8n';

const pki = makeTestPki();
let server: Sandbox;

beforeEach(async () => {
	server = await startSandbox({ pki, rules: { accounts: [{ loginName: 'acme', loginPassword: 'unused' }] } });
});
afterEach(() => server.close());

const order = { emailAddress: 'a@example.com', paymentStatus: '0', items: { item: [{ PPP: 400 }] } };
const tlsCredentials = (extra: Record<string, string>) => ({ endpoint: 'custom', customUrl: server.clientCertificateUrl, caCertificate: asOneLine(pki.caCert), loginName: 'acme', ...extra });

describe('mutual TLS through the credential', () => {
	test('the client certificate, pasted on one line, is presented and the order accepted', async () => {
		const result = await runInN8n({
			parameters: order,
			credentials: tlsCredentials({ clientCertificate: asOneLine(pki.clientCert), privateKey: asOneLine(pki.clientKey) }),
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((i) => i.json.orderNumber)).toEqual(['1000001']);
		expect(server.requests[0].clientCertificateSubject).toBe('Test Affiliate');
		expect(server.requests[0].form.map(([name]) => name)).toEqual(['loginName', 'paymentStatus', 'emailAddress', '1_PPP']);
	});

	test('an encrypted private key works with its passphrase', async () => {
		const result = await runInN8n({
			parameters: order,
			credentials: tlsCredentials({ clientCertificate: pki.clientCert, privateKey: pki.clientKeyEncrypted, passphrase: pki.passphrase }),
		});
		expect(result.success.map((i) => i.json.orderNumber)).toEqual(['1000001']);
	});

	test('without a client certificate a TLS 1.3 server refuses after the request was written: the order may exist', async () => {
		const result = await runInN8n({ parameters: order, credentials: tlsCredentials({}) });
		expect(server.requests).toHaveLength(0);
		expect(server.refusedConnections).toBeGreaterThan(0);
		expect(result.success).toEqual([]);
		expect(result.error?.message).toBe('The request to Sectigo failed after it may have been sent');
	});

	test("Sectigo's client-certificate endpoint without a certificate is a credential error: nothing is sent", async () => {
		const result = await runInN8n({ parameters: order, credentials: { endpoint: 'clientCertificate', loginName: 'acme' } });
		expect(result.error?.message).toBe(
			'Credential: The Client Certificate endpoint needs the client certificate and private key Sectigo issued you.',
		);
		expect(result.error?.description).toContain('Nothing was sent to Sectigo.');
	});

	test('a certificate from another CA is refused too; the client cannot prove it was not read, so it says so', async () => {
		const result = await runInN8n({ parameters: order, credentials: tlsCredentials({ clientCertificate: pki.strangerCert, privateKey: pki.strangerKey }) });
		expect(server.requests).toHaveLength(0);
		expect(server.refusedConnections).toBeGreaterThan(0);
		// TLS 1.3: the server rejects the certificate after the client has already written its request.
		expect(result.error?.message).toBe('The request to Sectigo failed after it may have been sent');
	});

	test('a wrong passphrase is a clear credential error, and nothing reaches the server', async () => {
		const result = await runInN8n({
			parameters: order,
			credentials: tlsCredentials({ clientCertificate: pki.clientCert, privateKey: pki.clientKeyEncrypted, passphrase: 'not the passphrase' }),
		});
		expect(server.requests).toHaveLength(0);
		expect(server.refusedConnections).toBe(0);
		expect(result.error?.message).toBe(
			'Credential: Private Key: it cannot be decrypted with the passphrase in the credential. Check the passphrase.',
		);
	});
});
