import { makeTestPki } from '../../sandbox/pki';
import { startSandbox, type Fault, type RecordedRequest, type Sandbox, type SandboxReply } from '../../sandbox/server';
import { runInN8n, type RunOptions } from '../harness/runInN8n';

const pki = makeTestPki();
let server: Sandbox;

type ReplyFor = (request: RecordedRequest, index: number) => SandboxReply | undefined;

/** A sandbox answering with `replyFor` (or its PlaceOrder rules where that returns undefined), and a credential for it. */
async function serve(replyFor: ReplyFor, fault: Fault = 'none') {
	server = await startSandbox({ pki, respond: replyFor, fault, rules: { accounts: [{ loginName: 'acme', loginPassword: 'pw-s3cret-99' }] } });
	return { endpoint: 'custom', customUrl: server.url, caCertificate: pki.caCert, loginName: 'acme', loginPassword: 'pw-s3cret-99', ap: 'brand' };
}
afterEach(() => server.close());

const parameters = (email = 'a@example.com') => ({ emailAddress: email, items: { item: [{ PPP: 400 }] } });
const SECTIGO_ERROR = 'errorCode=-4&errorMessage=The+value+of+the+%27country%27+argument+is+invalid%21&errorItem=country';
const HTML_502 = '<html><body><h1>502 Bad Gateway</h1></body></html>';

describe("Sectigo's errors", () => {
	test('stop the workflow with a NodeApiError that keeps the code, message, parameter and an explanation', async () => {
		const credentials = await serve(() => ({ body: SECTIGO_ERROR }));
		const result = await runInN8n({ parameters: parameters(), credentials });
		expect(result.success).toEqual([]);
		expect(result.error?.name).toBe('NodeApiError');
		expect(result.error?.message).toBe("Sectigo error -4: The value of the 'country' argument is invalid!");
		expect(result.error?.description).toBe(
			"A value does not meet Sectigo's rules (length, format or allowed values). Check the field Sectigo names. Parameter Sectigo names: country.",
		);
	});

	test('go to the error output as one item per failed input, with the code and message as fields', async () => {
		const credentials = await serve((request) => (request.body.includes('bad%40') ? { body: SECTIGO_ERROR } : { body: 'errorCode=0&orderNumber=555' }));
		const result = await runInN8n({
			inputs: [{ email: 'good@example.com' }, { email: 'bad@example.com' }, { email: 'fine@example.com' }],
			parameters: parameters('={{ $json.email }}'),
			credentials,
			onError: 'continueErrorOutput',
		});
		expect(result.error).toBeUndefined();
		expect(result.success.map((i) => [i.json.orderNumber, i.pairedItem])).toEqual([
			['555', { item: 0 }],
			['555', { item: 2 }],
		]);
		expect(result.errors).toHaveLength(1);
		expect(result.errors[0].pairedItem).toEqual({ item: 1 });
		expect(result.errors[0].json).toEqual({
			email: 'bad@example.com',
			error: "Sectigo error -4: The value of the 'country' argument is invalid!",
			details: {
				kind: 'sectigoError',
				errorCode: -4,
				errorMessage: "The value of the 'country' argument is invalid!",
				errorItem: 'country',
				explanation: "A value does not meet Sectigo's rules (length, format or allowed values). Check the field Sectigo names.",
				description:
					"A value does not meet Sectigo's rules (length, format or allowed values). Check the field Sectigo names. Parameter Sectigo names: country.",
			},
		});
	});

	test('an unknown error number still shows Sectigo\'s own message', async () => {
		const credentials = await serve(() => ({ body: 'errorCode=-999&errorMessage=Something+new' }));
		const result = await runInN8n({ parameters: parameters(), credentials });
		expect(result.error?.message).toBe('Sectigo error -999: Something new');
	});
});

describe('replies that are not Sectigo answers', () => {
	test('an HTML 502 is reported with its status and an excerpt, never as an order', async () => {
		const credentials = await serve(() => ({ status: 502, body: HTML_502, contentType: 'text/html' }));
		const result = await runInN8n({ parameters: parameters(), credentials, onError: 'continueErrorOutput' });
		expect(result.success).toEqual([]);
		expect(result.errors[0].json.error).toBe(
			"Sectigo's endpoint did not give a PlaceOrder answer (HTTP 502 with an HTML page, not Sectigo's url-encoded reply)",
		);
		expect(result.errors[0].json.details).toMatchObject({
			kind: 'notSectigoReply',
			httpCode: 502,
			excerpt: HTML_502,
			orderMayExist: true,
		});
		expect(server.requests).toHaveLength(1);
	});

	test('a connection cut after the request was read: the order may exist, and it is not sent again', async () => {
		const credentials = await serve(() => undefined, 'resetAfterBody');
		const result = await runInN8n({ parameters: parameters(), credentials, onError: 'continueRegularOutput' });
		expect(server.requests).toHaveLength(1);
		expect(result.success).toHaveLength(1);
		expect(result.success[0].json).toMatchObject({
			error: 'The request to Sectigo failed after it may have been sent',
			details: { kind: 'transportFailure', orderMayExist: true },
		});
	});

	test('an excerpt that echoes the request has the password removed', async () => {
		const credentials = await serve((request) => ({ status: 500, body: `<pre>${request.body}</pre>` }));
		const result = await runInN8n({ parameters: parameters(), credentials, onError: 'continueErrorOutput' });
		expect(String((result.errors[0].json.details as { excerpt: string }).excerpt)).toContain('loginPassword=[redacted]');
		expect(JSON.stringify(result.errors)).not.toContain('s3cret');
	});
});

describe('bad input', () => {
	test('stops before anything is sent, naming the field, the Sectigo parameter and the item', async () => {
		const credentials = await serve(() => ({ body: 'errorCode=0&orderNumber=1' }));
		const result = await runInN8n({
			parameters: { emailAddress: 'a@example.com', items: { item: [{ PPP: 400 }, { PPP: 401, itemFields: { days: 'a year' } }] } },
			credentials,
		});
		expect(server.requests).toHaveLength(0);
		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe('Invalid order: Item 2 › Days (2_days): must be a whole number (got "a year")');
		expect(result.error?.description).toContain('Nothing was sent to Sectigo.');
	});

	test('with continue-on-fail: the bad item becomes one error item, the others are placed', async () => {
		const credentials = await serve((_r, index) => ({ body: `errorCode=0&orderNumber=${index + 10}` }));
		const result = await runInN8n({
			inputs: [{ email: 'one@example.com' }, { email: 'not an email' }, { email: 'three@example.com' }],
			parameters: parameters('={{ $json.email }}'),
			credentials,
			onError: 'continueErrorOutput',
		});
		expect(server.requests).toHaveLength(2);
		expect(result.success.map((i) => [i.json.orderNumber, i.pairedItem])).toEqual([
			['10', { item: 0 }],
			['11', { item: 2 }],
		]);
		expect(result.errors.map((i) => [(i.json.details as { kind: string }).kind, i.json.error, i.pairedItem])).toEqual([
			['invalidInput', 'Invalid order: Customer Email (emailAddress): must be an email address such as name@example.com (got "not an email")', { item: 1 }],
		]);
		expect((result.errors[0].json.details as { problems: unknown }).problems).toEqual([
			{ field: 'Customer Email', parameter: 'emailAddress', message: 'must be an email address such as name@example.com (got "not an email")' },
		]);
	});

	test('plain HTTP in the credential is refused before anything is sent', async () => {
		await serve(() => ({ body: 'errorCode=0&orderNumber=1' }));
		const result = await runInN8n({ parameters: parameters(), credentials: { endpoint: 'custom', customUrl: 'http://127.0.0.1:9' } });
		expect(result.error?.message).toContain('plain HTTP is refused');
	});
});

describe('never ordering twice', () => {
	test('an operation other than Place Order or Validate Only (the editor\'s "Custom API Call") sends nothing', async () => {
		const credentials = await serve(() => undefined);
		const result = await runInN8n({ parameters: { ...parameters(), operation: '__CUSTOM_API_CALL__' }, credentials });
		expect(server.requests).toHaveLength(0);
		expect(result.error?.message).toBe('The operation "__CUSTOM_API_CALL__" is not supported: choose Place Order or Validate Only');
	});

	test.each([401, 429, 503])('an HTTP %i is reported once and never sent again', async (status) => {
		// n8n's request helper re-sends a request that failed with 401 after refreshing the credential; the node
		// reads every status itself, so nothing is ever sent twice.
		const credentials = await serve(() => ({ status, body: 'errorCode=0&orderNumber=1', headers: { 'retry-after': '1' } }));
		const result = await runInN8n({ parameters: parameters(), credentials, onError: 'continueErrorOutput' });
		expect(server.requests).toHaveLength(1);
		expect(result.success).toEqual([]);
		expect(result.errors[0].json.details).toMatchObject({ kind: 'notSectigoReply', httpCode: status, orderMayExist: true });
	});

	test('"Retry On Fail" is refused for Place Order, before anything is sent', async () => {
		const credentials = await serve(() => ({ body: 'errorCode=0&orderNumber=1' }));
		const result = await runInN8n({ parameters: parameters(), credentials, retryOnFail: true });
		expect(server.requests).toHaveLength(0);
		expect(result.error?.message).toContain('"Retry On Fail" is on');
	});

	test('when an item fails and the node stops, the error lists the orders already placed', async () => {
		const credentials = await serve((_r, index) => (index < 2 ? { body: `errorCode=0&orderNumber=${index + 70}` } : { body: SECTIGO_ERROR }));
		const result = await runInN8n({ inputs: [{}, {}, {}], parameters: parameters(), credentials });
		expect(server.requests).toHaveLength(3);
		expect(result.error?.description).toContain('Already placed in this run (not sent again): item 1 → order 70, item 2 → order 71.');
	});
});

describe('secrets', () => {
	const secrets = ['pw-s3cret-99', 'per-order-pass', 'correct horse battery staple'];
	type Scenario = [string, ReplyFor, Partial<RunOptions> & { fault?: Fault; password?: string }];
	const scenarios: Scenario[] = [
		['order', () => undefined, {}],
		['wrong login (Sectigo error -16)', () => undefined, { password: 'pw-s3cret-99-wrong' }],
		['echoing 500', (r) => ({ status: 500, body: r.body }), {}],
		['cut connection', () => undefined, { fault: 'resetAfterBody' }],
		['truncated reply', () => undefined, { fault: 'truncated' }],
		['validate only', () => undefined, { parameters: { operation: 'validateOnly', ...parameters(), account: { loginPassword: 'per-order-pass' } } }],
		['too long password', () => undefined, { parameters: { ...parameters(), account: { loginPassword: `per-order-pass${'x'.repeat(200)}` } } }],
	];

	test.each(scenarios)('never appear in output items or errors: %s', async (_name, replyFor, { fault, password, ...options }) => {
		const credentials = {
			...(await serve(replyFor, fault)),
			...(password ? { loginPassword: password } : {}),
			clientCertificate: pki.clientCert,
			privateKey: pki.clientKeyEncrypted,
			passphrase: 'correct horse battery staple',
		};
		const keyBody = pki.clientKeyEncrypted.split('\n')[2];
		for (const onError of ['continueErrorOutput', undefined] as const) {
			const result = await runInN8n({ parameters: parameters(), credentials, onError, ...options });
			// The error's `node` is n8n's own copy of the node's parameters (what the user typed), not a message.
			const error = JSON.stringify(result.error ?? null, (key, value) => (key === 'node' ? undefined : value));
			const everything = JSON.stringify([result.success, result.errors, error, result.error?.description, result.error?.message]);
			for (const secret of secrets) expect(everything).not.toContain(secret);
			expect(everything).not.toContain('PRIVATE KEY');
			expect(everything).not.toContain(keyBody);
		}
	});
});
