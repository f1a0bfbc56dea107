import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';

import { makeTestPki, type TestPki } from './pki';
import { DEFAULT_RULES, placeOrder, type PlaceOrderRules, type SandboxOrder } from './placeOrder';

/** A way for the sandbox to misbehave, as real networks and proxies do. */
export type Fault = 'none' | 'resetBeforeBody' | 'resetAfterBody' | 'noReply' | 'html502' | 'empty' | 'truncated';
export const FAULTS: readonly Fault[] = ['none', 'resetBeforeBody', 'resetAfterBody', 'noReply', 'html502', 'empty', 'truncated'];

export interface RecordedRequest {
	endpoint: 'public' | 'clientCertificate';
	method: string;
	path: string;
	contentType: string;
	body: string;
	form: Array<[string, string]>;
	clientCertificateSubject?: string;
	/** What the sandbox did: the reply body, or the fault. */
	outcome: string;
}

export interface SandboxReply {
	status?: number;
	body: string;
	contentType?: string;
	headers?: Record<string, string>;
}

export interface SandboxOptions {
	host?: string;
	/** 0 (the default) picks free ports. */
	port?: number;
	clientCertificatePort?: number;
	pki?: TestPki;
	rules?: Partial<PlaceOrderRules>;
	latencyMs?: number;
	fault?: Fault;
	firstOrderNumber?: number;
	/** Tests only: answer with this instead of the PlaceOrder rules (undefined falls back to them). */
	respond?: (request: RecordedRequest, index: number) => SandboxReply | undefined;
}

export interface Sandbox {
	/** Base URL of the public endpoint (login and password). */
	url: string;
	/** Base URL of the client-certificate endpoint (mutual TLS; login name alone). */
	clientCertificateUrl: string;
	pki: TestPki;
	requests: RecordedRequest[];
	orders: SandboxOrder[];
	/** TLS connections refused before any request (no client certificate, or one from another CA). */
	readonly refusedConnections: number;
	/** The most PlaceOrder requests that were open at the same moment (since the start or the last reset). */
	readonly maxInFlight: number;
	/** TLS handshakes completed (a new connection each, or a resumed session). */
	readonly handshakes: number;
	fault: Fault;
	latencyMs: number;
	/** Forgets requests and orders, numbers orders from the start again, and clears latency and fault. */
	reset(): void;
	close(): Promise<void>;
}

const PLACE_ORDER_PATH = '/products/!PlaceOrder';
const ADMIN_PREFIX = '/__sandbox/';
const NO_REPLY_LIMIT_MS = 5 * 60_000;
const HTML_502 = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>';

/** The whole body of an incoming request, as text. */
export const readBody = (req: IncomingMessage) =>
	new Promise<string>((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function send(res: ServerResponse, reply: SandboxReply) {
	res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'application/x-www-form-urlencoded', ...reply.headers });
	res.end(reply.body);
}

const sendJson = (res: ServerResponse, value: unknown) => send(res, { body: JSON.stringify(value, null, 2), contentType: 'application/json' });

/**
 * A Sectigo PlaceOrder look-alike on loopback: a public HTTPS endpoint and a client-certificate endpoint
 * (mutual TLS with the sandbox's own CA). It records every request that reached it and every order it created,
 * also readable as JSON at /__sandbox/requests and /__sandbox/orders on the public endpoint.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const pki = options.pki ?? makeTestPki();
	const rules: PlaceOrderRules = { ...DEFAULT_RULES, ...options.rules };
	const host = options.host ?? '127.0.0.1';
	const firstOrderNumber = options.firstOrderNumber ?? 1000001;
	let orderCounter = firstOrderNumber;
	let refusedConnections = 0;
	let inFlight = 0;
	let maxInFlight = 0;
	let handshakes = 0;
	const held = new Set<ServerResponse>();

	const sandbox: Sandbox = {
		url: '',
		clientCertificateUrl: '',
		pki,
		requests: [],
		orders: [],
		get refusedConnections() {
			return refusedConnections;
		},
		get maxInFlight() {
			return maxInFlight;
		},
		get handshakes() {
			return handshakes;
		},
		fault: options.fault ?? 'none',
		latencyMs: options.latencyMs ?? 0,
		reset() {
			sandbox.requests.length = 0;
			sandbox.orders.length = 0;
			sandbox.fault = 'none';
			sandbox.latencyMs = 0;
			orderCounter = firstOrderNumber;
			maxInFlight = inFlight;
			handshakes = 0;
		},
		close: async () => {
			for (const res of held) res.destroy();
			await Promise.all(servers.map((server) => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())))));
		},
	};

	async function admin(req: IncomingMessage, res: ServerResponse, path: string) {
		if (path === 'requests') return sendJson(res, sandbox.requests);
		if (path === 'orders') return sendJson(res, sandbox.orders);
		if (path === 'reset' && req.method === 'POST') return (sandbox.reset(), sendJson(res, { reset: true }));
		if (path === 'config' && req.method === 'POST') {
			const config = JSON.parse((await readBody(req)) || '{}') as { fault?: Fault; latencyMs?: number };
			if (config.fault && FAULTS.includes(config.fault)) sandbox.fault = config.fault;
			if (typeof config.latencyMs === 'number') sandbox.latencyMs = config.latencyMs;
			return sendJson(res, { fault: sandbox.fault, latencyMs: sandbox.latencyMs });
		}
		return send(res, { status: 404, body: 'unknown sandbox route', contentType: 'text/plain' });
	}

	async function handle(endpoint: RecordedRequest['endpoint'], req: IncomingMessage, res: ServerResponse) {
		const url = new URL(req.url ?? '/', 'https://sandbox');
		if (endpoint === 'public' && url.pathname.startsWith(ADMIN_PREFIX)) return admin(req, res, url.pathname.slice(ADMIN_PREFIX.length));
		const fault = sandbox.fault;
		if (fault === 'resetBeforeBody') return req.socket.destroy();
		inFlight++;
		maxInFlight = Math.max(maxInFlight, inFlight);
		res.once('close', () => inFlight--);

		const body = req.method === 'POST' ? await readBody(req) : url.search.slice(1);
		const peer = (req.socket as TLSSocket).getPeerCertificate?.();
		const request: RecordedRequest = {
			endpoint,
			method: req.method ?? '',
			path: url.pathname,
			contentType: String(req.headers['content-type'] ?? ''),
			body,
			form: [...new URLSearchParams(body)],
			...(peer?.subject ? { clientCertificateSubject: String(peer.subject.CN) } : {}),
			outcome: '',
		};
		sandbox.requests.push(request);
		if (sandbox.latencyMs > 0) await sleep(sandbox.latencyMs);

		let reply = options.respond?.(request, sandbox.requests.length - 1);
		if (!reply && url.pathname !== PLACE_ORDER_PATH) reply = { status: 404, body: 'Not Found', contentType: 'text/plain' };
		if (!reply) {
			const outcome = placeOrder(request.form, endpoint === 'clientCertificate', rules, () => String(orderCounter++));
			if (outcome.order) sandbox.orders.push(outcome.order);
			reply = { body: new URLSearchParams(outcome.reply).toString() };
		}

		request.outcome = fault === 'none' ? reply.body : fault;
		switch (fault) {
			case 'resetAfterBody':
				return req.socket.destroy();
			case 'noReply':
				held.add(res);
				return void setTimeout(() => res.destroy(), NO_REPLY_LIMIT_MS).unref();
			case 'html502':
				return send(res, { status: 502, body: HTML_502, contentType: 'text/html' });
			case 'empty':
				return send(res, { body: '' });
			case 'truncated':
				res.writeHead(200, { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(reply.body.length + 40) });
				res.write(reply.body.slice(0, Math.ceil(reply.body.length / 2)));
				return void setTimeout(() => res.destroy(), 50);
			default:
				return send(res, reply);
		}
	}

	const listen = async (server: Server, port: number) => {
		await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
		return `https://${host}:${(server.address() as AddressInfo).port}`;
	};
	const tls = { key: pki.serverKey, cert: pki.serverCert, ca: pki.caCert };
	const publicServer = createServer(tls, (req, res) => void handle('public', req, res));
	const certificateServer = createServer({ ...tls, requestCert: true, rejectUnauthorized: true }, (req, res) => void handle('clientCertificate', req, res));
	certificateServer.on('tlsClientError', () => refusedConnections++);
	for (const server of [publicServer, certificateServer]) server.on('secureConnection', () => handshakes++);
	const servers = [publicServer, certificateServer];

	sandbox.url = await listen(publicServer, options.port ?? 0);
	sandbox.clientCertificateUrl = await listen(certificateServer, options.clientCertificatePort ?? 0);
	return sandbox;
}
