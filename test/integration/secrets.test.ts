/** Secrets in every form they can come back in: Sectigo's errorItem, any field of an order, excerpts of pages. */
import { makeTestPki } from '../../sandbox/pki';
import { startSandbox, type Sandbox, type SandboxReply } from '../../sandbox/server';
import { runInN8n } from '../harness/runInN8n';

const pki = makeTestPki();
const PASSWORD = 'pw s3cret&99';
let sandbox: Sandbox;
afterEach(() => sandbox.close());

const keyLine = pki.clientKeyEncrypted.split('\n')[3];
const forms = [
	PASSWORD,
	encodeURIComponent(PASSWORD),
	encodeURIComponent(PASSWORD).toLowerCase(),
	new URLSearchParams({ s: PASSWORD }).toString().slice(2),
	Buffer.from(PASSWORD).toString('base64').replace(/=+$/, ''),
	'pw s3cret&amp;99',
	keyLine,
	pki.passphrase,
];
/** What an excerpt cut after 200 characters would hold of a key line, had the key not been removed before cutting. */
const cutKeyLine = keyLine.slice(0, 19);

async function run(reply: SandboxReply) {
	sandbox = await startSandbox({ pki, respond: () => reply });
	const credentials = {
		endpoint: 'custom',
		customUrl: sandbox.url,
		caCertificate: pki.caCert,
		loginName: 'acme',
		loginPassword: PASSWORD,
		clientCertificate: pki.clientCert,
		privateKey: pki.clientKeyEncrypted,
		passphrase: pki.passphrase,
	};
	const result = await runInN8n({ parameters: { emailAddress: 'a@example.com', items: { item: [{ PPP: 400 }] } }, credentials, onError: 'continueErrorOutput' });
	return JSON.stringify([result.success, result.errors]);
}

const pairs = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

test.each([
	['errorItem and errorMessage of a Sectigo error', { body: pairs({ errorCode: '-4', errorMessage: `bad ${Buffer.from(PASSWORD).toString('base64')}`, errorItem: PASSWORD }) }],
	['any field of an order reply', { body: pairs({ errorCode: '0', orderNumber: '55', echo: `loginPassword=${PASSWORD}`, key: keyLine }) }],
	['an HTML page with escaped and lower-case %-escaped forms', { status: 500, body: `<p>${forms.slice(1).join('\n')}</p>`, contentType: 'text/html' }],
	['a key line cut across the excerpt length', { status: 500, body: `${'x'.repeat(180)}\n${keyLine}\n`, contentType: 'text/plain' }],
])('never come back: %s', async (_name, reply) => {
	const everything = await run(reply);
	for (const form of [...forms, cutKeyLine]) expect(everything).not.toContain(form);
	expect(everything).toContain('[redacted]');
});

test('the order reply keeps its other fields', async () => {
	const everything = await run({ body: pairs({ errorCode: '0', orderNumber: '55', echo: `login ${PASSWORD}` }) });
	expect(JSON.parse(everything)[0][0].json).toEqual({ orderNumber: '55', errorCode: 0, echo: 'login [redacted]' });
});
