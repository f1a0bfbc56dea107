import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';

import type { TestPki } from './pki';

/** One request the fake endpoint accepted. */
export interface ReceivedRequest {
	method: string;
	path: string;
	contentType: string;
	body: string;
	form: Array<[string, string]>;
	clientCertificateSubject?: string;
}

export interface FakeReply {
	status?: number;
	body: string;
	/** Cut the connection after reading the request, without answering. */
	destroy?: boolean;
	contentType?: string;
	headers?: Record<string, string>;
}

export type ReplyFor = (request: ReceivedRequest, index: number) => FakeReply;

export interface FakeSectigo {
	/** The base URL for a credential's custom endpoint. */
	url: string;
	requests: ReceivedRequest[];
	/** TLS connections the server refused before any request (for example: no client certificate). */
	refusedConnections: number;
	close(): Promise<void>;
}

/** Sectigo-like default: a new order number for every request. */
export const placeOrders: ReplyFor = (_request, index) => ({ body: `errorCode=0&orderNumber=${1000001 + index}` });

/**
 * An HTTPS server on 127.0.0.1 that records each request and answers it with `replyFor`. With
 * `requireClientCertificate` it refuses any TLS client without a certificate from the test CA.
 */
export async function startFakeSectigo(
	pki: TestPki,
	replyFor: ReplyFor = placeOrders,
	{ requireClientCertificate = false } = {},
): Promise<FakeSectigo> {
	const requests: ReceivedRequest[] = [];
	const state = { refusedConnections: 0 };
	const server: Server = createServer(
		{
			key: pki.serverKey,
			cert: pki.serverCert,
			ca: pki.caCert,
			requestCert: requireClientCertificate,
			rejectUnauthorized: requireClientCertificate,
		},
		(req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				const body = Buffer.concat(chunks).toString('utf8');
				const peer = (req.socket as TLSSocket).getPeerCertificate();
				const received: ReceivedRequest = {
					method: req.method ?? '',
					path: req.url ?? '',
					contentType: String(req.headers['content-type'] ?? ''),
					body,
					form: [...new URLSearchParams(body)],
					...(peer?.subject ? { clientCertificateSubject: String(peer.subject.CN) } : {}),
				};
				requests.push(received);
				const reply = replyFor(received, requests.length - 1);
				if (reply.destroy) {
					req.socket.destroy();
					return;
				}
				res.writeHead(reply.status ?? 200, {
					'content-type': reply.contentType ?? 'application/x-www-form-urlencoded',
					...reply.headers,
				});
				res.end(reply.body);
			});
		},
	);
	server.on('tlsClientError', () => state.refusedConnections++);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `https://127.0.0.1:${port}`,
		requests,
		get refusedConnections() {
			return state.refusedConnections;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
