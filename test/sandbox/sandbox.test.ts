import { startSandbox, type Sandbox } from '../../sandbox/server';
import { httpsPost } from '../harness/httpsPost';

let sandbox: Sandbox;
beforeEach(async () => {
	sandbox = await startSandbox({ rules: { accounts: [{ loginName: 'acme', loginPassword: 'pw' }] } });
});
afterEach(() => sandbox.close());

const LOGIN = 'loginName=acme&loginPassword=pw';
const place = (body: string, url = `${sandbox.url}/products/!PlaceOrder`) => httpsPost(url, body, { ca: sandbox.pki.caCert });
const reply = async (body: string) => Object.fromEntries(new URLSearchParams((await place(body)).body));

describe('the sandbox answers PlaceOrder like Sectigo', () => {
	test('a good order gets a new number; Payment Status 2 adds the total cost and currency', async () => {
		expect(await reply(`${LOGIN}&emailAddress=a%40b.co&1_PPP=400`)).toEqual({ errorCode: '0', orderNumber: '1000001' });
		expect(await reply(`${LOGIN}&emailAddress=a%40b.co&paymentStatus=2&currency=EUR&_1_PPP=400&2_PPP=402&2_quantity=2`)).toEqual({
			errorCode: '0',
			orderNumber: '1000002',
			totalCost: '577.00',
			currency: 'EUR',
		});
		expect(sandbox.orders.map((o) => [o.orderNumber, o.items])).toEqual([
			['1000001', [{ PPP: '400' }]],
			['1000002', [{ PPP: '400' }, { PPP: '402', quantity: '2' }]],
		]);
		expect(JSON.stringify(sandbox.orders)).not.toContain('loginPassword');
	});

	test('an unknown parameter name: -2', async () => {
		expect(await reply(`${LOGIN}&emailAddress=a%40b.co&1_PPP=400&countryName=GB`)).toEqual({
			errorCode: '-2',
			errorMessage: "The 'countryName' argument is not recognised!",
			errorItem: 'countryName',
		});
		expect((await reply(`${LOGIN}&emailAddress=a%40b.co&1_PPP=400&1_color=red`)).errorItem).toBe('1_color');
	});

	test('a missing emailAddress: -3; no product: -3 on 1_PPP', async () => {
		expect(await reply(`${LOGIN}&1_PPP=400`)).toMatchObject({ errorCode: '-3', errorItem: 'emailAddress' });
		expect(await reply(`${LOGIN}&emailAddress=a%40b.co`)).toMatchObject({ errorCode: '-3', errorItem: '1_PPP' });
	});

	test('an over-long or invalid value: -4 naming the parameter', async () => {
		expect(await reply(`${LOGIN}&emailAddress=a%40b.co&1_PPP=400&region=${'x'.repeat(65)}`)).toMatchObject({ errorCode: '-4', errorItem: 'region' });
		expect(await reply(`${LOGIN}&emailAddress=a%40b.co&1_PPP=400&country=XX`)).toMatchObject({ errorCode: '-4', errorItem: 'country' });
		expect(await reply(`${LOGIN}&emailAddress=a%40b.co&1_PPP=four`)).toMatchObject({ errorCode: '-4', errorItem: '1_PPP' });
	});

	test('a wrong login: -16', async () => {
		expect(await reply('loginName=acme&loginPassword=nope&emailAddress=a%40b.co&1_PPP=400')).toMatchObject({ errorCode: '-16' });
		expect(await reply('loginName=eve&emailAddress=a%40b.co&1_PPP=400')).toMatchObject({ errorCode: '-16' });
	});

	test('Payment Status 0 needs the client-certificate endpoint, where the login name alone identifies the account', async () => {
		expect(await reply(`${LOGIN}&emailAddress=a%40b.co&1_PPP=400&paymentStatus=0`)).toMatchObject({ errorCode: '-91' });
		const { pki } = sandbox;
		const viaCertificate = await httpsPost(`${sandbox.clientCertificateUrl}/products/!PlaceOrder`, 'loginName=acme&emailAddress=a%40b.co&1_PPP=400&paymentStatus=0', {
			ca: pki.caCert,
			cert: pki.clientCert,
			key: pki.clientKey,
		});
		expect(viaCertificate.body).toBe('errorCode=0&orderNumber=1000001');
		expect(sandbox.requests[1]).toMatchObject({ endpoint: 'clientCertificate', clientCertificateSubject: 'Test Affiliate' });
	});

	test('the client-certificate endpoint refuses a client without a certificate', async () => {
		await expect(httpsPost(`${sandbox.clientCertificateUrl}/products/!PlaceOrder`, 'x=1', { ca: sandbox.pki.caCert })).rejects.toThrow();
		expect(sandbox.requests).toHaveLength(0);
		expect(sandbox.refusedConnections).toBe(1);
	});

	test('GET with a query string works too', async () => {
		const result = await httpsPost(`${sandbox.url}/products/!PlaceOrder?${LOGIN}&emailAddress=a%40b.co&1_PPP=400`, '', { ca: sandbox.pki.caCert }, 'GET');
		expect(result.body).toBe('errorCode=0&orderNumber=1000001');
	});

	test('records every request, readable as JSON, and can be reset', async () => {
		await place(`${LOGIN}&emailAddress=a%40b.co&1_PPP=400`);
		const requests = JSON.parse((await httpsPost(`${sandbox.url}/__sandbox/requests`, '', { ca: sandbox.pki.caCert }, 'GET')).body);
		expect(requests).toEqual([
			expect.objectContaining({ endpoint: 'public', method: 'POST', body: `${LOGIN}&emailAddress=a%40b.co&1_PPP=400`, outcome: 'errorCode=0&orderNumber=1000001' }),
		]);
		const orders = JSON.parse((await httpsPost(`${sandbox.url}/__sandbox/orders`, '', { ca: sandbox.pki.caCert }, 'GET')).body);
		expect(orders.map((o: { orderNumber: string }) => o.orderNumber)).toEqual(['1000001']);
		await httpsPost(`${sandbox.url}/__sandbox/reset`, '', { ca: sandbox.pki.caCert });
		expect(sandbox.requests).toHaveLength(0);
	});
});

describe('the sandbox misbehaves on request', () => {
	const good = `${LOGIN}&emailAddress=a%40b.co&1_PPP=400`;

	test('reset before reading the body: nothing recorded, no order', async () => {
		sandbox.fault = 'resetBeforeBody';
		await expect(place(good)).rejects.toThrow();
		expect(sandbox.requests).toHaveLength(0);
		expect(sandbox.orders).toHaveLength(0);
	});

	test('reset after reading the body: the order exists, the reply is lost', async () => {
		sandbox.fault = 'resetAfterBody';
		await expect(place(good)).rejects.toThrow();
		expect(sandbox.orders).toHaveLength(1);
		expect(sandbox.requests[0].outcome).toBe('resetAfterBody');
	});

	test('HTML 502, empty body, truncated body', async () => {
		sandbox.fault = 'html502';
		expect(await place(good)).toMatchObject({ status: 502, body: expect.stringContaining('<h1>502 Bad Gateway</h1>') });
		sandbox.fault = 'empty';
		expect(await place(good)).toMatchObject({ status: 200, body: '' });
		sandbox.fault = 'truncated';
		await expect(place(good)).rejects.toThrow();
	});

	test('no reply: the connection stays open until the client gives up', async () => {
		sandbox.fault = 'noReply';
		await expect(place(good)).rejects.toThrow('test request timed out');
	});

	test('added latency, and faults set over the admin route', async () => {
		const config = await httpsPost(`${sandbox.url}/__sandbox/config`, JSON.stringify({ latencyMs: 300 }), { ca: sandbox.pki.caCert });
		expect(JSON.parse(config.body)).toEqual({ fault: 'none', latencyMs: 300 });
		const started = Date.now();
		await place(good);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
	});
});
