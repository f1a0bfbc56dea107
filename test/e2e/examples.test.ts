/**
 * End to end: each example workflow in a real n8n 2.41.1, with the package installed the way n8n's Community
 * Nodes installer does, against the sandbox. The first run on a machine installs n8n into .cache (minutes).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { sandboxCredentials, withoutClientCertificate } from '../../sandbox/credentialFile';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { executeWorkflow, freePort, importCredentials, importWorkflow, n8nCli, nodeOutput } from '../../devkit/n8nCli';
import { ensureN8n, packPackage, prepareHome, type N8nHome } from '../../devkit/n8nHome';
import { DEV_LOGIN, setupOwner } from '../../devkit/n8nRest';
import { startN8n, waitForPostWebhook, type RunningN8n } from '../../devkit/n8nServer';
import { ROOT } from '../../devkit/project';

jest.setTimeout(20 * 60_000);

const example = (file: string) => JSON.parse(readFileSync(join(ROOT, 'examples', file), 'utf8'));
const EXAMPLES = ['1-webhook-single-order.json', '2-crm-batch-orders.json', '3-paid-order-client-certificate.json'];
const timings: Record<string, number> = {};

let sandbox: Sandbox;
let home: N8nHome;

const formOf = (index: number) => Object.fromEntries(sandbox.requests[index].form);

beforeAll(async () => {
	let started = Date.now();
	const n8nDir = ensureN8n();
	timings['n8n install (0 when cached)'] = (Date.now() - started) / 1000;
	sandbox = await startSandbox();
	home = prepareHome(n8nDir, packPackage());
	started = Date.now();
	await importCredentials(home, sandboxCredentials(sandbox));
	for (const file of EXAMPLES) await importWorkflow(home, example(file));
	timings['import credentials and 3 workflows'] = (Date.now() - started) / 1000;
});

beforeEach(() => sandbox.reset());

afterAll(async () => {
	await sandbox?.close();
	if (home) rmSync(home.folder, { recursive: true, force: true });
	console.log(`e2e timings (s): ${JSON.stringify(timings, null, 1)}`);
});

test('example 2: a CRM batch, several products per deal, orders summed and a bad deal on the error output', async () => {
	const { report, cli } = await executeWorkflow(home, 'sectigoExample2');
	timings['example 2 (CLI execute)'] = cli.seconds;
	expect(report.status).toBe('success');

	const orders = nodeOutput(report, 'Sectigo PlaceOrder', 0);
	expect(orders.map((item) => [item.json.orderNumber, item.json.totalCost, item.pairedItem])).toEqual([
		['1000001', 98.5, { item: 0 }],
		['1000002', 129, { item: 1 }],
		['1000003', 227.5, { item: 3 }],
	]);
	const failed = nodeOutput(report, 'Sectigo PlaceOrder', 1);
	expect(failed).toHaveLength(1);
	expect(failed[0].json).toMatchObject({
		dealId: 'D-1003',
		error: 'Invalid order: Customer Email (emailAddress): must be an email address such as name@example.com (got "not-an-email")',
		details: { kind: 'invalidInput' },
	});
	expect(nodeOutput(report, 'Summary')[0].json).toEqual({ count_orderNumber: 3, sum_totalCost: 455, concatenated_orderNumber: '1000001, 1000002, 1000003' });

	expect(sandbox.requests.map((r) => r.body)).toEqual([
		'loginName=sandbox-user&loginPassword=sandbox-password&ap=SandboxBrand&currency=USD&isReturningCustomer=Y&paymentStatus=2&organizationName=Northwind+Traders&country=GB&emailAddress=it%40northwind.example&1_PPP=400&1_days=365&2_PPP=512&2_days=365',
		'loginName=sandbox-user&loginPassword=sandbox-password&ap=SandboxBrand&currency=USD&isReturningCustomer=Y&paymentStatus=2&organizationName=Contoso&country=US&emailAddress=ops%40contoso.example&1_PPP=401&1_days=730',
		'loginName=sandbox-user&loginPassword=sandbox-password&ap=SandboxBrand&currency=USD&isReturningCustomer=Y&paymentStatus=2&organizationName=Tailspin+Toys&country=FR&emailAddress=sec%40tailspin.example&1_PPP=400&1_days=365&2_PPP=401&2_days=365&3_PPP=512&3_days=1095',
	]);
});

test('example 3: an already-paid order over mutual TLS, with the payment fields; refused without the certificate', async () => {
	const { report, cli } = await executeWorkflow(home, 'sectigoExample3');
	timings['example 3 (CLI execute)'] = cli.seconds;
	expect(report.status).toBe('success');
	expect(nodeOutput(report, 'Sectigo PlaceOrder').map((item) => item.json)).toEqual([{ orderNumber: '1000001', errorCode: 0 }]);
	expect(sandbox.requests[0]).toMatchObject({ endpoint: 'clientCertificate', clientCertificateSubject: 'Test Affiliate' });
	expect(formOf(0)).toEqual({
		loginName: 'sandbox-user',
		ap: 'SandboxBrand',
		currency: 'EUR',
		isReturningCustomer: 'Y',
		paymentStatus: '0',
		organizationName: 'Example Org',
		country: 'NL',
		emailAddress: 'buyer@example.org',
		costWithoutTax: '129',
		tax: '27.09',
		paymentMethod: '3',
		transactionID: 'PSP-20261127-0042',
		paymentTime: '1795800000',
		'1_PPP': '401',
		'1_days': '365',
	});

	// Run again, the node does not send it twice: the same item, the same order.
	const again = await executeWorkflow(home, 'sectigoExample3');
	expect(nodeOutput(again.report, 'Sectigo PlaceOrder')[0].json).toMatchObject({ orderNumber: '1000001', alreadyOrdered: true, sentAgain: false });
	expect(sandbox.requests).toHaveLength(1);

	// A copy of the workflow (its own record of sent orders) with the credential's certificate removed: the
	// server refuses the TLS 1.3 connection after the request was written, so the node says the order may exist.
	const [, certificateCredential] = sandboxCredentials(sandbox);
	await importCredentials(home, [withoutClientCertificate(certificateCredential)]);
	try {
		await importWorkflow(home, { ...example('3-paid-order-client-certificate.json'), id: 'sectigoExample3copy', name: 'Example 3 (copy)' });
		const refusedBefore = sandbox.refusedConnections;
		const refused = await executeWorkflow(home, 'sectigoExample3copy');
		expect(refused.report.status).toBe('error');
		expect(refused.report.data.resultData.error?.message).toBe('The request to Sectigo failed after it may have been sent');
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.refusedConnections).toBeGreaterThan(refusedBefore);
	} finally {
		await importCredentials(home, [certificateCredential]);
	}
});

describe('with n8n running as a server', () => {
	let n8n: RunningN8n;
	let cookie = '';

	beforeAll(async () => {
		const published = await n8nCli(home, ['publish:workflow', '--id=sectigoExample1']);
		expect(published.code).toBe(0);
		const started = Date.now();
		n8n = await startN8n(home, await freePort());
		await waitForPostWebhook(`${n8n.url}/webhook/sectigo-order`);
		timings['n8n start until the webhook is registered'] = (Date.now() - started) / 1000;
		await setupOwner(n8n.url);
		const login = await fetch(`${n8n.url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: DEV_LOGIN.email, password: DEV_LOGIN.password }),
		});
		cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
	});
	afterAll(() => n8n?.stop());

	test('example 1: a webhook submission answered with the order number, or with 422 and the error', async () => {
		const submit = (body: object) =>
			fetch(`${n8n.url}/webhook/sectigo-order`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		const submission = { email: 'web@example.com', ppp: 400, company: 'Web Shop Ltd', country: 'GB', firstName: 'Ada', lastName: 'Lovelace' };

		const started = Date.now();
		const placed = await submit(submission);
		timings['example 1 (one webhook call)'] = (Date.now() - started) / 1000;
		expect(placed.status).toBe(200);
		expect(await placed.json()).toEqual({ orderNumber: '1000001', totalCost: 79, currency: 'USD' });
		expect(formOf(0)).toMatchObject({ emailAddress: 'web@example.com', '1_PPP': '400', '1_days': '365', '1_dcvMethod': 'CNAME_CSR_HASH', forename: 'Ada', surname: 'Lovelace' });

		const invalid = await submit({ ...submission, email: 'nope' });
		expect(invalid.status).toBe(422);
		expect(await invalid.json()).toMatchObject({ error: expect.stringContaining('Customer Email (emailAddress)'), details: { kind: 'invalidInput' } });
		expect(sandbox.requests).toHaveLength(1);

		// The same submission again (a replayed webhook): answered, and not ordered twice.
		const replayed = await submit(submission);
		expect(replayed.status).toBe(200);
		expect(sandbox.requests).toHaveLength(1);
		expect(sandbox.orders).toHaveLength(1);

		sandbox.fault = 'html502';
		const proxyError = await submit({ ...submission, email: 'proxy@example.com' });
		expect(proxyError.status).toBe(422);
		expect(await proxyError.json()).toMatchObject({ details: { kind: 'notSectigoReply', httpCode: 502, orderMayExist: true } });
		expect(sandbox.requests).toHaveLength(2);
	});

	test("the credential's Test button: succeeds for both sandbox credentials, fails without the client certificate", async () => {
		const testCredential = async (credential: { id: string; name: string; type: string; data: Record<string, string> }) => {
			const response = await fetch(`${n8n.url}/rest/credentials/test`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', cookie },
				body: JSON.stringify({ credentials: credential }),
			});
			return ((await response.json()) as { data: { status: string; message: string } }).data;
		};
		const [publicCredential, certificateCredential] = sandboxCredentials(sandbox);
		expect(await testCredential(publicCredential)).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(await testCredential(certificateCredential)).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sandbox.requests.map((r) => [r.endpoint, r.body, r.clientCertificateSubject])).toEqual([
			['public', 'loginName=sandbox-user&loginPassword=sandbox-password&ap=SandboxBrand', undefined],
			['clientCertificate', 'loginName=sandbox-user&ap=SandboxBrand', 'Test Affiliate'],
		]);
		expect(sandbox.orders).toHaveLength(0);

		expect((await testCredential(withoutClientCertificate(certificateCredential))).status).toBe('Error');
		expect(sandbox.requests).toHaveLength(2);
	});
});
