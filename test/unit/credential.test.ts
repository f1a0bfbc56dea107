import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { authenticate } from '../../nodes/SectigoPlaceOrder/credential/authenticate';
import { endpointUrl } from '../../nodes/SectigoPlaceOrder/credential/endpoint';
import { identityOf, withIdentity } from '../../nodes/SectigoPlaceOrder/credential/identityFields';
import { credentialSecrets, readCredential } from '../../nodes/SectigoPlaceOrder/credential/readCredential';
import { asOneLine, makeTestPki } from '../../sandbox/pki';

describe('the endpoint', () => {
	test('public and client-certificate hosts', () => {
		expect(endpointUrl({})).toBe('https://secure.trust-provider.com/products/!PlaceOrder');
		expect(endpointUrl({ endpoint: 'clientCertificate' })).toBe('https://private.sectigo.com/products/!PlaceOrder');
	});

	test("a custom base URL gets Sectigo's path; a full URL is kept", () => {
		expect(endpointUrl({ endpoint: 'custom', customUrl: ' https://127.0.0.1:8443/ ' })).toBe('https://127.0.0.1:8443/products/!PlaceOrder');
		expect(endpointUrl({ endpoint: 'custom', customUrl: 'https://sandbox.test/x/!PlaceOrder' })).toBe('https://sandbox.test/x/!PlaceOrder');
	});

	test('an endpoint value the credential does not offer is refused, not taken for the production host', () => {
		expect(() => endpointUrl({ endpoint: 'sandbox' })).toThrow('Endpoint "sandbox" is not one this credential knows');
		expect(() => endpointUrl({ endpoint: 'Public' })).toThrow('is not one this credential knows');
	});

	test('plain HTTP and non-URLs are refused with a clear message', () => {
		expect(() => endpointUrl({ endpoint: 'custom', customUrl: 'http://127.0.0.1:8080' })).toThrow(
			"The credential's custom URL uses http: Sectigo's API takes HTTPS only, so plain HTTP is refused. Use an https:// URL.",
		);
		expect(() => endpointUrl({ endpoint: 'custom', customUrl: 'sandbox' })).toThrow('is not a valid URL');
	});
});

const withCredentialFields = (credentials: ICredentialDataDecryptedObject, body: URLSearchParams) => withIdentity(identityOf(credentials), body);

describe('login fields', () => {
	const credentials = { loginName: 'acme', loginPassword: 'hunter22', ap: 'brand' };

	test('come first, from the credential', () => {
		expect(withCredentialFields(credentials, new URLSearchParams('emailAddress=a%40b.co')).toString()).toBe(
			'loginName=acme&loginPassword=hunter22&ap=brand&emailAddress=a%40b.co',
		);
	});

	test("a per-order login replaces the credential's login and password", () => {
		const body = withCredentialFields(credentials, new URLSearchParams('loginName=customer1&emailAddress=a%40b.co'));
		expect(body.toString()).toBe('ap=brand&loginName=customer1&emailAddress=a%40b.co');
	});

	test('empty credential fields are not sent', () => {
		expect(withCredentialFields({ loginName: 'acme', loginPassword: '', ap: ' ' }, new URLSearchParams()).toString()).toBe('loginName=acme');
	});
});

describe("the credential's authenticate function", () => {
	const pki = makeTestPki();

	test('sets the endpoint, the form body and the client certificate', async () => {
		const options = await authenticate(
			{ endpoint: 'custom', customUrl: 'https://127.0.0.1:1', loginName: 'acme', clientCertificate: asOneLine(pki.clientCert), privateKey: asOneLine(pki.clientKey) },
			{ url: 'ignored', body: new URLSearchParams('emailAddress=a%40b.co') },
		);
		expect(options.url).toBe('https://127.0.0.1:1/products/!PlaceOrder');
		expect(options.method).toBe('POST');
		expect(options.body?.toString()).toBe('loginName=acme&emailAddress=a%40b.co');
		expect(options.headers).toEqual({ 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' });
		expect(options.agentOptions).toEqual({ cert: pki.clientCert, key: pki.clientKey });
	});

	test("turns the credential test's empty body into a form with the login fields only", async () => {
		const options = await authenticate({ loginName: 'acme', loginPassword: 'hunter22' }, { url: 'x', method: 'POST' });
		expect(options.body?.toString()).toBe('loginName=acme&loginPassword=hunter22');
		expect(options.agentOptions).toBeUndefined();
	});

	test('does not change the request it was given', async () => {
		const body = new URLSearchParams('emailAddress=a%40b.co');
		await authenticate({ loginName: 'acme' }, { url: 'x', body });
		expect(body.toString()).toBe('emailAddress=a%40b.co');
	});
});

describe('reading the credential once', () => {
	const pki = makeTestPki();

	test('the public host takes no client certificate, even where one is filled in', () => {
		const credential = readCredential({ endpoint: 'public', clientCertificate: pki.clientCert, privateKey: pki.clientKey, loginName: 'acme' });
		expect(credential).toEqual({
			kind: 'public',
			url: 'https://secure.trust-provider.com/products/!PlaceOrder',
			tls: undefined,
			clientCertificate: false,
			identity: { loginName: 'acme', loginPassword: undefined, ap: undefined },
		});
	});

	test('a certificate outside its validity dates is refused before sending, with the dates', () => {
		const data = { endpoint: 'clientCertificate', clientCertificate: pki.clientCert, privateKey: pki.clientKey };
		expect(readCredential(data).clientCertificate).toBe(true);
		const later = new Date(Date.now() + 10 * 86_400_000);
		expect(() => readCredential(data, later)).toThrow(/^Client Certificate: expired on \d{4}-\d\d-\d\d \(it is valid from \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d\)/);
		const earlier = new Date(Date.now() - 10 * 86_400_000);
		expect(() => readCredential(data, earlier)).toThrow('Client Certificate: not valid yet');
	});

	test("its secrets include the key as pasted, as normalised, and each of the key's lines", () => {
		const secrets = credentialSecrets({ loginPassword: 'hunter22', passphrase: 'pp-1234', privateKey: asOneLine(pki.clientKeyEncrypted) });
		expect(secrets).toEqual(expect.arrayContaining(['hunter22', 'pp-1234', pki.clientKeyEncrypted.trim()]));
		for (const line of pki.clientKeyEncrypted.split('\n').filter((l) => l.length >= 16 && !l.startsWith('-----'))) {
			expect(secrets).toContain(line);
		}
	});
});

describe('the credential and the catalog agree', () => {
	test('every catalog row the credential supplies is a field of the credential, with the same name', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { SectigoPlaceOrderApi } = require('../../credentials/SectigoPlaceOrderApi.credentials');
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { ORDER_PARAMETERS } = require('../../nodes/SectigoPlaceOrder/catalog');
		const fields = new SectigoPlaceOrderApi().properties.map((p: { name: string }) => p.name);
		const supplied = ORDER_PARAMETERS.filter((p: { spec: { fromCredential?: boolean } }) => p.spec.fromCredential).map((p: { spec: { name: string } }) => p.spec.name);
		expect(supplied.sort()).toEqual(['ap', 'loginName', 'loginPassword']);
		for (const name of supplied) expect(fields).toContain(name);
	});
});
