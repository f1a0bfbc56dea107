import { DCV_METHODS, HSM_TYPES, YES_NO } from './allowedValues';
import type { ParameterSpec } from './types';

/**
 * Per-item parameters: sent as `1_PPP`, `2_PPP`, ... One row per parameter, in the order of Sectigo's page.
 * Rows whose name no public evidence gives are left out; users send those through "Additional Item Parameters".
 */
export const ITEM_PARAMETERS: readonly ParameterSpec[] = [
	{ name: 'PPP', label: 'Product Pricing Parameter (PPP)', type: 'integer', requirement: 'conditional', confidence: 'documented', primary: { default: null }, description: 'Identifies the product and its term, as given in your Sectigo price list (the doc\'s sample sends 400).' },
	{ name: 'days', label: 'Days', type: 'integer', requirement: 'conditional', confidence: 'inferred', description: 'The term in days, for products that need it.' },
	{ name: 'dcvMethod', label: 'DCV Method', type: 'string', maxLength: 32, values: DCV_METHODS, open: true, confidence: 'inferred', description: 'How domain control is validated. The HTTP(S) CSR-hash methods cannot validate a wildcard domain.' },
	{ name: 'ipAddress', label: 'IP Address', type: 'string', maxLength: 15, format: 'ipv4', confidence: 'inferred', appliesTo: 'HackerGuardian', description: 'An IPv4 address (required for HackerGuardian).' },
	{ name: 'SmartCardBased', label: 'On a Smart Card', type: 'char', maxLength: 1, values: YES_NO, confidence: 'inferred', appliesTo: 'Document Signing', description: 'Y: issue the certificate on a smart card (token). Sectigo defaults to N.' },
	{ name: 'hsmType', label: 'HSM Type', type: 'string', maxLength: 20, values: HSM_TYPES, open: true, confidence: 'documented', appliesTo: 'OV/EV Code Signing, Document Signing', description: 'The hardware that generated the key pair and its attestation.' },
	{ name: 'keyAttestation', label: 'Key Attestation', type: 'string', maxLength: 32767, confidence: 'documented', appliesTo: 'OV/EV Code Signing, Document Signing', description: 'Base64 attestation blob proving the key pair lives in secure hardware.' },
	{ name: 'webserverSoftwareID', label: 'Web Server Software ID', type: 'integer', confidence: 'documented', description: 'The web server software that will host the certificate; it does not change the certificate (the doc\'s sample sends -1).' },
	{ name: 'smimeEmailAddresses', label: 'S/MIME Email Addresses', type: 'string', maxLength: 255, format: 'emailList', confidence: 'documented', appliesTo: 'S/MIME', description: "Email addresses (comma-separated) for the certificate's Subject Alternative Names." },
	{ name: 'smimeSubjectCN', label: 'Organization in S/MIME Subject CN', type: 'char', maxLength: 1, values: YES_NO, open: true, confidence: 'documented', appliesTo: 'S/MIME', description: 'Put the organization name in the Common Name of an organization-validated S/MIME certificate.' },
	{ name: 'semanticsIdentifier', label: 'Semantics Identifier', type: 'string', maxLength: 100, confidence: 'documented', appliesTo: 'eIDAS citizen, employee and QWAC natural person', description: 'Semantics information for natural-person subject attributes.' },
];
