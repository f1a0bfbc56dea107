/** The credential's own facts, written once: its type name, its label and the names of its fields. */
export const CREDENTIAL_NAME = 'sectigoPlaceOrderApi';
export const CREDENTIAL_DISPLAY_NAME = 'Sectigo PlaceOrder API';

export const FIELD = {
	endpoint: 'endpoint',
	customUrl: 'customUrl',
	ap: 'ap',
	loginName: 'loginName',
	loginPassword: 'loginPassword',
	clientCertificate: 'clientCertificate',
	privateKey: 'privateKey',
	passphrase: 'passphrase',
	caCertificate: 'caCertificate',
} as const;

/** The fields whose values are secret: never shown, and scrubbed from any text that reaches the user. */
export const SECRET_FIELDS = [FIELD.loginPassword, FIELD.privateKey, FIELD.passphrase] as const;
