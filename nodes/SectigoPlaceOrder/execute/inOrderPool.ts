/**
 * Runs `work` for indexes 0..count-1 with at most `limit` running at any moment, taking indexes in order. Once
 * `stopped()` says so, no new index is started; those already running finish. Resolves when all have settled.
 */
export async function inOrderPool(
	count: number,
	limit: number,
	work: (index: number) => Promise<void>,
	stopped: () => boolean,
): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < count && !stopped()) {
			const index = next++;
			await work(index);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count)) }, worker));
}
