import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createHttpsServer, request, Server as HttpsServer } from 'node:https';
import { connect, createServer as createNetServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';
import { createServer as createTlsServer, type TlsOptions } from 'node:tls';
import { createGunzip } from 'node:zlib';

import { makeTestPki, type TestPki } from '../../sandbox/pki';
import { readBody } from '../../sandbox/server';

/**
 * Hand-made HTTPS servers on loopback that misbehave in one precise way each, to prove the node never sends an
 * order twice. Each one answers any path (the node posts to `${url}/products/!PlaceOrder`) and counts what reached it.
 */
export type FaultKind =
	/** Reads the request, answers 401 with content-length 200, sends 20 bytes of body, then drops the socket. */
	| 'unauthorizedTruncated'
	/** Reads the request, answers 401 with content-encoding gzip and 40 bytes that are not gzip. */
	| 'unauthorizedBadGzip'
	/** Reads the request, then its valid 200 reply reaches the client as TLS records that fail to decrypt. */
	| 'corruptTlsRecord'
	/** Reads the request, sends 200 and its headers at once, then the body one byte every `trickleMs`. */
	| 'trickle'
	/** Accepts TCP connections and never writes a byte (no TLS handshake). */
	| 'deadTcp'
	/** Reads the request and never answers. */
	| 'silentAfterRequest'
	/** Completes the TLS handshake and drops the socket when the first application byte arrives. */
	| 'handshakeThenReset'
	/** Aborts the TLS handshake (it requires a client certificate from a CA nobody has). */
	| 'rejectHandshake';

export const FAULT_KINDS: readonly FaultKind[] = [
	'unauthorizedTruncated',
	'unauthorizedBadGzip',
	'corruptTlsRecord',
	'trickle',
	'deadTcp',
	'silentAfterRequest',
	'handshakeThenReset',
	'rejectHandshake',
];

/** The successful PlaceOrder reply the faults that have one send (or try to). */
export const FAULT_REPLY = 'errorCode=0&orderNumber=1000001';

export interface FaultServerOptions {
	/** 'trickle' only: the pause before each byte of the body (default 1000 ms). */
	trickleMs?: number;
	/** Defaults to `makeTestPki()`; the client must trust `pki.caCert`. */
	pki?: TestPki;
}

/** A complete HTTP request whose body the server read to the end. */
export interface FaultRequest {
	body: string;
	headers: Record<string, string | string[] | undefined>;
}

export interface FaultServer {
	/** `https://127.0.0.1:PORT`, no trailing slash. */
	url: string;
	requests: FaultRequest[];
	/** TCP connections accepted on the public port. */
	readonly connections: number;
	/** TLS handshakes completed ('secureConnection'). */
	readonly handshakes: number;
	/** Body writes after the headers ('trickle': one per byte). */
	readonly chunksWritten: number;
	/** Destroys every open socket and stops listening. */
	close(): Promise<void>;
}

const FORM = 'application/x-www-form-urlencoded';
const TRUNCATED_BODY = `${FAULT_REPLY}&padding=${'x'.repeat(200)}`;
/* The gzip magic and method (1f 8b 08), no flags, six header bytes, then a deflate block of the reserved type 3. */
const BAD_GZIP = Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), Buffer.alloc(36, 0xff)]);

/** What every fault server shares: counters, the sockets to destroy, the timers to clear, the servers to close. */
class Books {
	connections = 0;
	handshakes = 0;
	chunksWritten = 0;
	closed = false;
	readonly requests: FaultRequest[] = [];
	private readonly sockets = new Set<Socket>();
	private readonly timers = new Set<NodeJS.Timeout>();
	private readonly servers: NetServer[] = [];

	/** Keeps a socket to destroy on close. */
	hold(socket: Socket) {
		if (this.closed) return void socket.destroy();
		this.sockets.add(socket);
		socket.once('close', () => this.sockets.delete(socket));
	}

	/** Tracks a server's sockets; counts its connections and handshakes when asked. */
	watch<S extends NetServer>(server: S, count: { connections: boolean; handshakes: boolean }): S {
		this.servers.push(server);
		server.on('connection', (socket: Socket) => {
			if (count.connections) this.connections++;
			this.hold(socket);
		});
		server.on('secureConnection', (socket: Socket) => {
			if (count.handshakes) this.handshakes++;
			this.hold(socket);
		});
		return server;
	}

	/** An unref'd timer, cleared on close. */
	later(ms: number, action: () => void) {
		if (this.closed) return;
		const timer = setTimeout(() => (this.timers.delete(timer), action()), ms).unref();
		this.timers.add(timer);
	}

	async close() {
		this.closed = true;
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		for (const socket of this.sockets) socket.destroy();
		this.sockets.clear();
		await Promise.all(
			this.servers.map(
				(server) =>
					new Promise<void>((resolve) => {
						if (server instanceof HttpsServer) server.closeAllConnections();
						server.close(() => resolve());
					}),
			),
		);
	}
}

const listen = (server: NetServer) =>
	new Promise<number>((resolve, reject) => {
		server.once('error', reject).listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
	});

/** Sends FAULT_REPLY one byte at a time, one write (one HTTP chunk, one TLS record) per byte. */
function trickle(res: ServerResponse, books: Books, ms: number) {
	res.writeHead(200, { 'content-type': FORM });
	res.flushHeaders();
	let sent = 0;
	const next = () => {
		if (res.destroyed) return;
		if (sent === FAULT_REPLY.length) return void res.end();
		res.write(FAULT_REPLY[sent++]);
		books.chunksWritten++;
		books.later(ms, next);
	};
	books.later(ms, next);
}

/** The HTTP-level faults: each reads the whole request (and records it) before misbehaving. */
async function answer(fault: FaultKind, req: IncomingMessage, res: ServerResponse, books: Books, options: FaultServerOptions, onRead = () => {}) {
	const body = await readBody(req);
	books.requests.push({ body, headers: { ...req.headers } });
	onRead();
	switch (fault) {
		case 'unauthorizedTruncated':
			res.writeHead(401, { 'content-type': FORM, 'content-length': '200' });
			res.write(TRUNCATED_BODY.slice(0, 20));
			books.chunksWritten++;
			return books.later(30, () => res.destroy());
		case 'unauthorizedBadGzip':
			res.writeHead(401, { 'content-encoding': 'gzip', 'content-type': FORM, 'content-length': String(BAD_GZIP.length) });
			books.chunksWritten++;
			return void res.end(BAD_GZIP);
		case 'trickle':
			return trickle(res, books, options.trickleMs ?? 1000);
		case 'silentAfterRequest':
			return; // the socket stays open (and is destroyed on close)
		default:
			res.writeHead(200, { 'content-type': FORM });
			books.chunksWritten++;
			return void res.end(FAULT_REPLY);
	}
}

/**
 * Turns a TLS byte stream into the same stream with the payload of some records inverted (headers kept, so the
 * peer reads whole records and fails to authenticate them). `corrupt` is asked at the start of each record.
 */
function recordCorrupter(corrupt: () => boolean) {
	let header = Buffer.alloc(0);
	let remaining = 0;
	let inverting = false;
	return (chunk: Buffer): Buffer => {
		const out = Buffer.from(chunk);
		let at = 0;
		while (at < out.length) {
			if (remaining === 0) {
				const take = Math.min(5 - header.length, out.length - at);
				header = Buffer.concat([header, out.subarray(at, at + take)]);
				at += take;
				if (header.length === 5) {
					remaining = header.readUInt16BE(3);
					inverting = corrupt();
					header = Buffer.alloc(0);
				}
				continue;
			}
			const take = Math.min(remaining, out.length - at);
			if (inverting) for (let i = at; i < at + take; i++) out[i] ^= 0xff;
			at += take;
			remaining -= take;
		}
		return out;
	};
}

/**
 * 'corruptTlsRecord': a TCP relay (the public port) in front of an HTTPS backend. Bytes pass untouched, so the
 * handshake completes; once the backend has read a connection's whole request, the relay inverts the payload of
 * every later server-to-client record on that connection.
 */
async function startCorruptingRelay(books: Books, tls: TlsOptions, options: FaultServerOptions): Promise<NetServer> {
	const corrupting = new Set<number>(); // the relay's local ports towards the backend, once their request was read
	const backend = books.watch(
		createHttpsServer(tls, (req, res) => {
			const markRead = () => corrupting.add(req.socket.remotePort ?? -1);
			void answer('corruptTlsRecord', req, res, books, options, markRead).catch(() => res.destroy());
		}),
		{ connections: false, handshakes: true },
	);
	const backendPort = await listen(backend);

	return books.watch(
		createNetServer((client) => {
			const upstream = connect(backendPort, '127.0.0.1');
			books.hold(upstream);
			const invert = recordCorrupter(() => corrupting.has(upstream.localPort ?? -2));
			client.on('data', (chunk: Buffer) => upstream.write(chunk));
			upstream.on('data', (chunk: Buffer) => client.write(invert(chunk)));
			client.on('close', () => upstream.destroy());
			upstream.on('close', () => client.destroy());
			client.on('error', () => upstream.destroy());
			upstream.on('error', () => client.destroy());
		}),
		{ connections: true, handshakes: false },
	);
}

/** Starts one fault server on 127.0.0.1 (a free port). */
export async function startFaultServer(fault: FaultKind, options: FaultServerOptions = {}): Promise<FaultServer> {
	const pki = options.pki ?? makeTestPki();
	const tls: TlsOptions = { key: pki.serverKey, cert: pki.serverCert };
	const books = new Books();
	const counted = { connections: true, handshakes: true };

	let front: NetServer;
	switch (fault) {
		case 'deadTcp':
			front = books.watch(
				createNetServer(() => {}),
				counted,
			);
			break;
		case 'handshakeThenReset':
			front = books.watch(
				createTlsServer(tls, (socket) => socket.once('data', () => socket.destroy())),
				counted,
			);
			break;
		case 'rejectHandshake':
			/* TLS 1.2, so the server checks the (missing) client certificate before its own Finished: the client
			   never completes the handshake and never sends application data. (With TLS 1.3 the client would finish
			   first, send the request, and learn of the refusal only afterwards.) The "CA" is a stranger's certificate. */
			front = books.watch(
				createTlsServer({ ...tls, maxVersion: 'TLSv1.2', requestCert: true, rejectUnauthorized: true, ca: pki.strangerCert }, () => {}),
				counted,
			);
			front.on('tlsClientError', (_error, socket) => socket.destroy());
			break;
		case 'corruptTlsRecord':
			front = await startCorruptingRelay(books, tls, options);
			break;
		default:
			front = books.watch(
				createHttpsServer(tls, (req, res) => void answer(fault, req, res, books, options).catch(() => res.destroy())),
				counted,
			);
	}
	const port = await listen(front);

	return {
		url: `https://127.0.0.1:${port}`,
		requests: books.requests,
		get connections() {
			return books.connections;
		},
		get handshakes() {
			return books.handshakes;
		},
		get chunksWritten() {
			return books.chunksWritten;
		},
		close: () => books.close(),
	};
}

export interface PostFormResult {
	/** The status line's code, when the reply got that far. */
	status?: number;
	headers?: IncomingHttpHeaders;
	/** The body (gunzipped when content-encoding is gzip); what arrived so far when an error cut it short. */
	body?: string;
	error?: { code?: string; message: string };
}

/**
 * POSTs a form with node:https on a fresh connection (no keep-alive agent) and never rejects: network, TLS,
 * decoding and timeout errors come back in `error`. `timeoutMs` (default 10 s) is the socket's idle timeout
 * (`req.setTimeout`, as axios uses it); it ends the request with code ETIMEDOUT. Before the handshake completes it
 * fires after about twice `timeoutMs`: net.Socket defers the first timeout once while the request's bytes are queued.
 */
export function postForm(url: string, body: string, ca: string, options: { timeoutMs?: number } = {}): Promise<PostFormResult> {
	const timeoutMs = options.timeoutMs ?? 10_000;
	return new Promise((resolve) => {
		const result: PostFormResult = {};
		const chunks: Buffer[] = [];
		let settled = false;
		const finish = (error?: Error) => {
			if (settled) return;
			settled = true;
			if (result.status !== undefined) result.body = Buffer.concat(chunks).toString('utf8');
			if (error) result.error = { code: (error as NodeJS.ErrnoException).code, message: error.message };
			resolve(result);
		};
		const headers = { 'content-type': FORM, 'content-length': Buffer.byteLength(body) };
		const req = request(url, { method: 'POST', ca, agent: false, headers }, (res) => {
			result.status = res.statusCode;
			result.headers = res.headers;
			res.on('error', finish);
			const decoded = res.headers['content-encoding'] === 'gzip' ? res.pipe(createGunzip()) : res;
			decoded.on('data', (chunk: Buffer) => chunks.push(chunk));
			decoded.on('end', () => finish());
			decoded.on('error', (error) => (finish(error), req.destroy()));
		});
		req.on('error', finish);
		req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error(`no activity for ${timeoutMs} ms`), { code: 'ETIMEDOUT' })));
		req.end(body);
	});
}
