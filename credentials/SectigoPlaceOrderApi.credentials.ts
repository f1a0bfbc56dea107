import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { authenticate } from '../nodes/SectigoPlaceOrder/credential/authenticate';
import { CREDENTIAL_NAME } from '../nodes/SectigoPlaceOrder/credential/names';
import { PUBLIC_ENDPOINT } from '../nodes/SectigoPlaceOrder/catalog/endpoints';

const TLS_ENDPOINTS = { show: { endpoint: ['clientCertificate', 'custom'] } };

export class SectigoPlaceOrderApi implements ICredentialType {
	name = CREDENTIAL_NAME;

	displayName = 'Sectigo PlaceOrder API';

	icon: Icon = {
		light: 'file:../nodes/SectigoPlaceOrder/sectigo.svg',
		dark: 'file:../nodes/SectigoPlaceOrder/sectigo.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-sectigo/n8n-nodes-sectigo#credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Endpoint',
			name: 'endpoint',
			type: 'options',
			default: 'public',
			options: [
				{ name: 'Public (secure.trust-provider.com)', value: 'public', description: 'Login name and password' },
				{ name: 'Client Certificate (private.sectigo.com)', value: 'clientCertificate', description: 'A client certificate issued by Sectigo; needed for Payment Status 0' },
				{ name: 'Custom HTTPS URL (Sandbox)', value: 'custom', description: 'A test server that speaks PlaceOrder' },
			],
		},
		{
			displayName: 'Custom URL',
			name: 'customUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://sandbox.example.com:8443',
			description: 'HTTPS only. A bare host gets /products/!PlaceOrder appended.',
			displayOptions: { show: { endpoint: ['custom'] } },
		},
		{
			displayName: 'Brand (ap)',
			name: 'ap',
			type: 'string',
			default: '',
			description: 'Your affiliate brand name, sent as "ap" with every order',
		},
		{
			displayName: 'Login Name',
			name: 'loginName',
			type: 'string',
			default: '',
			description: 'The Sectigo account orders belong to (case sensitive). A node can override it per order.',
		},
		{
			displayName: 'Login Password',
			name: 'loginPassword',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Not needed with a client certificate: Sectigo then identifies the account by login name alone',
		},
		{
			displayName: 'Client Certificate',
			name: 'clientCertificate',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'PEM certificate issued by Sectigo (-----BEGIN CERTIFICATE----- ...). Pasting it on one line is fine.',
			displayOptions: TLS_ENDPOINTS,
		},
		{
			displayName: 'Private Key',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: "PEM private key of the client certificate; it may be encrypted (then enter its passphrase)",
			displayOptions: TLS_ENDPOINTS,
		},
		{
			displayName: 'Passphrase',
			name: 'passphrase',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Only for an encrypted private key',
			displayOptions: TLS_ENDPOINTS,
		},
		{
			displayName: 'CA Certificate',
			name: 'caCertificate',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: "PEM certificate(s) of the CA that signed the server's certificate, for a sandbox with its own CA. Leave empty for Sectigo's hosts.",
			displayOptions: TLS_ENDPOINTS,
		},
	];

	authenticate = authenticate;

	/**
	 * A cheap request that proves the endpoint answers over TLS (with the client certificate, where set).
	 * It carries only the login fields and no customer email, so Sectigo cannot place an order from it.
	 * The URL is the credential's own: the authenticate function sets it.
	 */
	test: ICredentialTestRequest = {
		request: { method: 'POST', url: PUBLIC_ENDPOINT },
	};
}
