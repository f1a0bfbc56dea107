/** The reply body as n8n's request helper hands it over with `encoding: 'stream'` (a Node.js readable stream). */
export interface ReplyStream extends AsyncIterable<Buffer | string> {
	destroy(error?: Error): void;
}

/** A reply body larger than this is not a PlaceOrder answer (those are a few hundred bytes). */
export const MAX_REPLY_BYTES = 1024 * 1024;

export interface ReplyBody {
	text: string;
	/** The body went past MAX_REPLY_BYTES: reading stopped there. */
	tooLarge: boolean;
}

/**
 * Reads a reply body, at most MAX_REPLY_BYTES of it, until `signal` aborts (the order's deadline, or the
 * execution being cancelled): a body that trickles in cannot hold the workflow past the deadline.
 * Rejects with the stream's error (a cut connection, a corrupt gzip body) or the signal's reason.
 */
export async function readReplyBody(stream: ReplyStream, signal: AbortSignal): Promise<ReplyBody> {
	const chunks: Buffer[] = [];
	let size = 0;
	const stop = () => stream.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
	if (signal.aborted) stop();
	else signal.addEventListener('abort', stop, { once: true });
	try {
		for await (const chunk of stream) {
			const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
			size += buffer.length;
			if (size > MAX_REPLY_BYTES) {
				stream.destroy();
				return { text: Buffer.concat(chunks).toString('utf8'), tooLarge: true };
			}
			chunks.push(buffer);
		}
		if (signal.aborted) throw signal.reason;
		return { text: Buffer.concat(chunks).toString('utf8'), tooLarge: false };
	} finally {
		signal.removeEventListener('abort', stop);
	}
}
