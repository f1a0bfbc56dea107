import { startSandbox, type Sandbox } from '../../sandbox/server';
import { runInN8n } from '../harness/runInN8n';

let server: Sandbox;
let credentials: Record<string, string>;

beforeEach(async () => {
	server = await startSandbox({ rules: { accounts: [{ loginName: 'acme', loginPassword: 'pw-123456' }] } });
	credentials = { endpoint: 'custom', customUrl: server.url, caCertificate: server.pki.caCert, loginName: 'acme', loginPassword: 'pw-123456', ap: 'brand' };
});
afterEach(() => server.close());

describe('placing orders in n8n-core', () => {
	test('one order: the order item, and the exact form body Sectigo receives', async () => {
		const result = await runInN8n({
			parameters: { emailAddress: 'a@example.com', items: { item: [{ PPP: 400 }] } },
			credentials,
		});
		expect(result.error).toBeUndefined();
		expect(result.success).toEqual([{ json: { orderNumber: '1000001', errorCode: 0, totalCost: 79, currency: 'USD' }, pairedItem: { item: 0 } }]);
		expect(server.requests).toEqual([
			expect.objectContaining({
				method: 'POST',
				path: '/products/!PlaceOrder',
				contentType: 'application/x-www-form-urlencoded; charset=utf-8',
				body: 'loginName=acme&loginPassword=pw-123456&ap=brand&paymentStatus=2&emailAddress=a%40example.com&1_PPP=400',
			}),
		]);
	});

	test('several items with item fields and additional item parameters', async () => {
		const result = await runInN8n({
			parameters: {
				emailAddress: 'a@example.com',
				items: {
					item: [
						{ PPP: 400, itemFields: { days: 365, webserverSoftwareID: -1 } },
						{ PPP: 512, itemFields: { dcvMethod: 'CNAME_CSR_HASH' }, additionalItemParameters: { parameter: [{ name: 'quantity', value: '3' }] } },
					],
				},
				orderOptions: { currency: 'eur', isReturningCustomer: 'Y' },
			},
			credentials,
		});
		expect(result.success).toHaveLength(1);
		expect(server.requests[0].form.filter(([name]) => !name.startsWith('login') && name !== 'ap')).toEqual([
			['currency', 'EUR'],
			['isReturningCustomer', 'Y'],
			['paymentStatus', '2'],
			['emailAddress', 'a@example.com'],
			['1_PPP', '400'],
			['1_days', '365'],
			['1_webserverSoftwareID', '-1'],
			['2_PPP', '512'],
			['2_dcvMethod', 'CNAME_CSR_HASH'],
			['2_quantity', '3'],
		]);
	});

	test('several input items, mapped with expressions: one request and one paired order each', async () => {
		const result = await runInN8n({
			inputs: [
				{ email: 'one@example.com', ppp: 400, company: 'One Ltd' },
				{ email: 'two@example.com', ppp: '401', company: 'Two Ltd' },
				{ email: 'three@example.com', ppp: 402, company: 'Three Ltd' },
			],
			parameters: {
				emailAddress: '={{ $json.email }}',
				items: { item: [{ PPP: '={{ $json.ppp }}' }] },
				companyAddress: { organizationName: '={{ $json.company.toUpperCase() }}' },
			},
			credentials,
		});
		expect(result.success.map((item) => [item.json.orderNumber, item.pairedItem])).toEqual([
			['1000001', { item: 0 }],
			['1000002', { item: 1 }],
			['1000003', { item: 2 }],
		]);
		expect(server.requests.map((r) => [r.form.find(([n]) => n === 'emailAddress')?.[1], r.form.find(([n]) => n === '1_PPP')?.[1], r.form.find(([n]) => n === 'organizationName')?.[1]])).toEqual([
			['one@example.com', '400', 'ONE LTD'],
			['two@example.com', '401', 'TWO LTD'],
			['three@example.com', '402', 'THREE LTD'],
		]);
	});

	test('Payment Status 2 replies carry the total cost and currency into the item', async () => {
		const result = await runInN8n({
			parameters: { emailAddress: 'a@example.com', items: { item: [{ PPP: 400 }, { PPP: 512 }] }, orderOptions: { currency: 'GBP' } },
			credentials,
		});
		expect(result.success[0].json).toEqual({ orderNumber: '1000001', errorCode: 0, totalCost: 98.5, currency: 'GBP' });
	});

	test('Validate Only returns the exact request with secrets masked, and sends nothing', async () => {
		const result = await runInN8n({
			parameters: { operation: 'validateOnly', emailAddress: 'a@example.com', items: { item: [{ PPP: 400 }] }, account: { loginPassword: 'per-order-secret' } },
			credentials,
		});
		expect(server.requests).toHaveLength(0);
		expect(result.success).toEqual([
			{
				json: {
					valid: true,
					method: 'POST',
					url: `${server.url}/products/!PlaceOrder`,
					contentType: 'application/x-www-form-urlencoded; charset=utf-8',
					clientCertificate: false,
					fields: { loginName: 'acme', ap: 'brand', paymentStatus: '2', emailAddress: 'a@example.com', loginPassword: '********', '1_PPP': '400' },
					body: 'loginName=acme&ap=brand&paymentStatus=2&emailAddress=a%40example.com&loginPassword=********&1_PPP=400',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('Validate Only reports bad input as an item (valid: false, every problem), and does not stop the workflow', async () => {
		const result = await runInN8n({
			parameters: { operation: 'validateOnly', emailAddress: '={{ $json.email }}', items: { item: [{ PPP: 400, itemFields: { days: 'a year' } }] } },
			credentials,
			inputs: [{ email: 'not an email' }, { email: 'fine@example.com' }],
		});
		expect(result.error).toBeUndefined();
		expect(server.requests).toHaveLength(0);
		expect(result.success.map((item) => [item.json.valid, item.pairedItem])).toEqual([
			[false, { item: 0 }],
			[false, { item: 1 }],
		]);
		expect(result.success[0].json).toEqual({
			valid: false,
			problems: [
				{ field: 'Customer Email', parameter: 'emailAddress', message: 'must be an email address such as name@example.com (got "not an email")' },
				{ field: 'Item 1 › Days', parameter: '1_days', item: 1, message: 'must be a whole number (got "a year")' },
			],
			summary:
				'Customer Email (emailAddress): must be an email address such as name@example.com (got "not an email")\nItem 1 › Days (1_days): must be a whole number (got "a year")',
		});
	});
});
