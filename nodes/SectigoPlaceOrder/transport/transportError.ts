import type { NetworkFailure } from './networkFailure';

/** The request failed on the way (no complete reply was read). */
export class TransportError extends Error {
	constructor(readonly failure: NetworkFailure) {
		super(failure.message);
		this.name = 'TransportError';
	}
}
