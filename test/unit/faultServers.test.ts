import { makeTestPki } from '../../sandbox/pki';
import { FAULT_REPLY, postForm, startFaultServer, type FaultKind, type FaultServer, type FaultServerOptions } from '../harness/faultServers';

const pki = makeTestPki();
const FORM = 'loginName=acme&loginPassword=pw&product=287';
let server: FaultServer | undefined;

/** Starts the fault server and posts one form to it. */
async function postTo(fault: FaultKind, options: FaultServerOptions & { timeoutMs?: number } = {}) {
	server = await startFaultServer(fault, options);
	const result = await postForm(`${server.url}/products/!PlaceOrder`, FORM, pki.caCert, { timeoutMs: options.timeoutMs });
	return { server, result };
}

/** Waits (polling, no deadline of its own: jest's test timeout is the limit) until `condition` holds. */
async function until(condition: () => boolean) {
	while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

const counts = (s: FaultServer) => ({ connections: s.connections, handshakes: s.handshakes, requests: s.requests.length });

afterEach(async () => {
	await server?.close();
	server = undefined;
});

describe('fault servers: what a client sees', () => {
	test('unauthorizedTruncated: 401, 20 bytes of body, then the connection drops', async () => {
		const { server, result } = await postTo('unauthorizedTruncated');
		expect(result.status).toBe(401);
		expect(result.headers?.['content-length']).toBe('200');
		expect(result.body).toBe('errorCode=0&orderNum');
		expect(result.error).toEqual({ code: 'ECONNRESET', message: 'aborted' });
		expect(counts(server)).toEqual({ connections: 1, handshakes: 1, requests: 1 });
		expect(server.requests[0].body).toBe(FORM);
		expect(server.requests[0].headers['content-type']).toBe('application/x-www-form-urlencoded');
	});

	test('unauthorizedBadGzip: 401 whose gzip body fails to decode', async () => {
		const { server, result } = await postTo('unauthorizedBadGzip');
		expect(result.status).toBe(401);
		expect(result.headers?.['content-encoding']).toBe('gzip');
		expect(result.error).toEqual({ code: 'Z_DATA_ERROR', message: 'invalid block type' });
		expect(counts(server)).toEqual({ connections: 1, handshakes: 1, requests: 1 });
	});

	test('corruptTlsRecord: the request is read, then the reply fails TLS decryption', async () => {
		const { server, result } = await postTo('corruptTlsRecord');
		// Node 24 / OpenSSL 3.5: ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC, "...decryption failed or bad record mac..."
		expect(result.status).toBeUndefined();
		expect(result.error?.code).toBe('ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC');
		expect(result.error?.message).toMatch(/bad record mac/);
		expect(counts(server)).toEqual({ connections: 1, handshakes: 1, requests: 1 });
		expect(server.requests[0].body).toBe(FORM);
	});

	test('trickle: the whole reply arrives, one byte per chunk', async () => {
		const { server, result } = await postTo('trickle', { trickleMs: 50 });
		expect(result.error).toBeUndefined();
		expect(result.status).toBe(200);
		expect(result.headers?.['transfer-encoding']).toBe('chunked');
		expect(result.headers?.['content-length']).toBeUndefined();
		expect(result.body).toBe(FAULT_REPLY);
		expect(server.chunksWritten).toBe(FAULT_REPLY.length);
		expect(server.chunksWritten).toBeGreaterThan(10);
		expect(counts(server)).toEqual({ connections: 1, handshakes: 1, requests: 1 });
	});

	test('deadTcp: the client times out; no handshake, no request', async () => {
		const { server, result } = await postTo('deadTcp', { timeoutMs: 300 });
		expect(result.status).toBeUndefined();
		expect(result.error?.code).toBe('ETIMEDOUT');
		expect(counts(server)).toEqual({ connections: 1, handshakes: 0, requests: 0 });
	});

	test('silentAfterRequest: the request is read and the client times out', async () => {
		const { server, result } = await postTo('silentAfterRequest', { timeoutMs: 300 });
		expect(result.status).toBeUndefined();
		expect(result.error?.code).toBe('ETIMEDOUT');
		expect(counts(server)).toEqual({ connections: 1, handshakes: 1, requests: 1 });
	});

	test('handshakeThenReset: a handshake, then the connection drops before any request is read', async () => {
		const { server, result } = await postTo('handshakeThenReset');
		expect(result.status).toBeUndefined();
		expect(result.error).toEqual({ code: 'ECONNRESET', message: 'socket hang up' });
		expect(counts(server)).toEqual({ connections: 1, handshakes: 1, requests: 0 });
	});

	test('rejectHandshake: a TLS alert during the handshake; no request', async () => {
		const { server, result } = await postTo('rejectHandshake');
		expect(result.status).toBeUndefined();
		expect(result.error?.code).toBe('EPROTO');
		expect(result.error?.message).toMatch(/alert handshake failure.*SSL alert number 40/s);
		expect(counts(server)).toEqual({ connections: 1, handshakes: 0, requests: 0 });
	});
});

describe('fault servers: close() ends what is in flight', () => {
	const inFlight: Array<[FaultKind, (s: FaultServer) => boolean]> = [
		['deadTcp', (s) => s.connections === 1],
		['silentAfterRequest', (s) => s.requests.length === 1],
		['trickle', (s) => s.chunksWritten >= 2],
	];

	test.each(inFlight)('%s: the waiting client gets a network error, not its own timeout', async (fault, started) => {
		server = await startFaultServer(fault, { trickleMs: 20 });
		const pending = postForm(server.url, FORM, pki.caCert, { timeoutMs: 30_000 });
		await until(() => started(server as FaultServer));
		await server.close();
		const result = await pending;
		expect(result.error?.code).toBe('ECONNRESET');
	});
});
