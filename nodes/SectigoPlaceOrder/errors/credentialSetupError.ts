/** The credential cannot be used as it is (endpoint, certificate, key). Its message is safe to show. */
export class CredentialSetupError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CredentialSetupError';
	}
}
