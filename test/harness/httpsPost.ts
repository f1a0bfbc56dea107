import { request } from 'node:https';

export interface PostResult {
	status: number;
	body: string;
	headers: Record<string, string | string[] | undefined>;
}

/** A plain HTTPS POST (or GET) for tests that talk to the sandbox without n8n. Rejects on network errors. */
export function httpsPost(
	url: string,
	body: string,
	tls: { ca: string; cert?: string; key?: string },
	method = 'POST',
): Promise<PostResult> {
	return new Promise((resolve, reject) => {
		const req = request(url, { method, ...tls, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.setTimeout(5000, () => req.destroy(new Error('test request timed out')));
		req.end(method === 'POST' ? body : undefined);
	});
}
