import {
	CURRENCIES_QUOTED,
	OFFER_CODES,
	PAYMENT_STATUS,
	YES_NO,
} from './allowedValues';
import type { ParameterGroup } from './types';

/**
 * Order-level parameters of Sectigo's PlaceOrder API for affiliates, grouped and ordered as Sectigo's page
 * groups them. One row per parameter: fixing a wrong name, or adding a parameter, is a one-line change here.
 * Rows whose name no public evidence gives are left out (see README, "Parameters without a known name"):
 * users send those through "Additional Parameters".
 */
export const ORDER_GROUPS: readonly ParameterGroup[] = [
	{
		key: 'orderOptions',
		displayName: 'Order Options',
		placeholder: 'Add Order Option',
		description: 'Brand, currency, region, returning customer, redirect URLs and offer code',
		parameters: [
			{ name: 'ap', label: 'Brand (ap)', type: 'string', maxLength: 64, confidence: 'documented', fromCredential: true, description: "The affiliate brand name. Overrides the credential's brand for this order." },
			{ name: 'currency', label: 'Currency', type: 'string', maxLength: 3, format: 'currency', values: CURRENCIES_QUOTED, open: true, confidence: 'documented', description: 'ISO 4217 code of the prices quoted to the customer, or of what the customer paid when Payment Status is 0. Sectigo defaults to USD.' },
			{ name: 'region', label: 'Region', type: 'string', maxLength: 64, confidence: 'documented', description: 'The region the order comes from. Sectigo defaults to "Unknown".' },
			{ name: 'isReturningCustomer', label: 'Returning Customer', type: 'char', maxLength: 1, values: YES_NO, confidence: 'documented', description: 'Whether the customer already has a Sectigo account. Only matters when a login name and password are sent.' },
			{ name: 'paymentStatus', label: 'Payment Status', type: 'integer', maxLength: 1, values: PAYMENT_STATUS, confidence: 'documented', primary: { default: '2' }, description: 'When payment is taken. 2 is what a back-end caller such as n8n sends: the reply carries the order number and total cost. 0 needs the client-certificate endpoint and the payment fields. 1 sends a browser through Sectigo\'s payment pages.' },
			{ name: 'errorURL', label: 'Error URL', type: 'string', maxLength: 255, format: 'url', confidence: 'documented', description: 'Browser flow only (Payment Status 1): where the browser goes when the order fails.' },
			{ name: 'successURL', label: 'Success URL', type: 'string', maxLength: 255, format: 'url', confidence: 'documented', description: 'Browser flow only (Payment Status 1): linked from the confirmation page, or where the browser goes on success.' },
			{ name: 'cancelURL', label: 'Cancel URL', type: 'string', maxLength: 255, format: 'url', confidence: 'documented', description: 'Browser flow only (Payment Status 1): linked from the page shown when payment is cancelled.' },
			{ name: 'confirmURL', label: 'Confirm URL', type: 'string', maxLength: 255, format: 'url', confidence: 'documented', description: "Browser flow only (Payment Status 1): where the browser goes after payment instead of Sectigo's confirmation page." },
			{ name: 'offerCode', label: 'Offer Code', type: 'string', maxLength: 64, values: OFFER_CODES, open: true, confidence: 'corroborated', description: 'Special pricing or bundled offer.' },
		],
	},
	{
		key: 'companyAddress',
		displayName: 'Company Address',
		placeholder: 'Add Address Field',
		description: 'Some products need no address. For returning customers an address given here replaces the one on file.',
		parameters: [
			{ name: 'organizationName', label: 'Organization Name', type: 'string', maxLength: 64, confidence: 'corroborated', description: "The organization's name." },
			{ name: 'organizationalUnitName', label: 'Organizational Unit', type: 'string', maxLength: 64, confidence: 'corroborated', description: 'The organizational unit.' },
			{ name: 'postOfficeBox', label: 'Post Office Box', type: 'string', maxLength: 40, confidence: 'corroborated', description: "The organization's post office box." },
			{ name: 'streetAddress1', label: 'Street Address 1', type: 'string', maxLength: 128, confidence: 'corroborated', description: 'Street address, first line.' },
			{ name: 'streetAddress2', label: 'Street Address 2', type: 'string', maxLength: 128, confidence: 'corroborated', description: 'Street address, second line.' },
			{ name: 'streetAddress3', label: 'Street Address 3', type: 'string', maxLength: 128, confidence: 'corroborated', description: 'Street address, third line.' },
			{ name: 'localityName', label: 'City', type: 'string', maxLength: 128, confidence: 'corroborated', description: 'The city.' },
			{ name: 'stateOrProvinceName', label: 'State or Province', type: 'string', maxLength: 128, confidence: 'corroborated', description: 'The state or province (may be omitted for some countries).' },
			{ name: 'postalCode', label: 'Postal Code', type: 'string', maxLength: 40, confidence: 'corroborated', description: 'The postal code.' },
			{ name: 'country', label: 'Country', type: 'string', maxLength: 2, format: 'country', confidence: 'corroborated', description: 'ISO 3166 two-letter country code, such as GB or US.' },
		],
	},
	{
		key: 'companyDetails',
		displayName: 'Company Details',
		placeholder: 'Add Company Detail',
		description: 'Registration numbers and, for EV certificates, the jurisdiction of incorporation',
		parameters: [
			{ name: 'dunsNumber', label: 'DUNS Number', type: 'string', maxLength: 20, confidence: 'corroborated', description: 'The Dun & Bradstreet D-U-N-S number.' },
			{ name: 'companyNumber', label: 'Company Number', type: 'string', maxLength: 64, confidence: 'corroborated', description: "The company's registration number." },
			{ name: 'joiLocalityName', label: 'Incorporation City', type: 'string', maxLength: 128, confidence: 'inferred', appliesTo: 'EV', description: 'The city of incorporation.' },
			{ name: 'joiStateOrProvinceName', label: 'Incorporation State or Province', type: 'string', maxLength: 128, confidence: 'inferred', appliesTo: 'EV', description: 'The state or province of incorporation.' },
			{ name: 'joiCountryName', label: 'Incorporation Country', type: 'string', maxLength: 2, format: 'country', confidence: 'inferred', appliesTo: 'EV', description: 'ISO 3166 two-letter code of the country of incorporation.' },
			{ name: 'dateOfIncorporation', label: 'Date of Incorporation', type: 'string', maxLength: 10, confidence: 'inferred', appliesTo: 'EV', description: 'The date of incorporation (10 characters).' },
			{ name: 'assumedName', label: 'Assumed Name (DBA)', type: 'string', maxLength: 64, confidence: 'inferred', appliesTo: 'EV', description: 'A trading ("doing business as") name that differs from the legal name.' },
			{ name: 'businessCategory', label: 'Business Category', type: 'char', maxLength: 1, confidence: 'inferred', appliesTo: 'EV', description: "One letter giving the organization's legal classification." },
			{ name: 'organizationIdentifier', label: 'Organization Identifier', type: 'string', maxLength: 100, confidence: 'inferred', description: 'Organization identifier, or PSD2 authorization identifier; required by some eIDAS and PSD2 profiles.' },
		],
	},
	{
		key: 'customer',
		displayName: 'Customer',
		placeholder: 'Add Customer Field',
		description: "The customer's personal details",
		parameters: [
			{ name: 'emailAddress', label: 'Customer Email', type: 'string', maxLength: 255, format: 'email', requirement: 'required', confidence: 'corroborated', primary: { default: '' }, description: "The customer's email address. The one field every order needs." },
			{ name: 'title', label: 'Title', type: 'string', maxLength: 64, confidence: 'corroborated', description: 'Mr, Mrs, Dr and so on.' },
			{ name: 'forename', label: 'First Name', type: 'string', maxLength: 64, requirement: 'conditional', confidence: 'corroborated', description: "The customer's first name." },
			{ name: 'surname', label: 'Last Name', type: 'string', maxLength: 64, confidence: 'corroborated', description: "The customer's last name." },
			{ name: 'telephoneNumber', label: 'Telephone', type: 'string', maxLength: 32, confidence: 'corroborated', description: "The customer's telephone number." },
			{ name: 'faxNumber', label: 'Fax', type: 'string', maxLength: 32, confidence: 'inferred', description: "The customer's fax number." },
		],
	},
	{
		key: 'account',
		displayName: 'Customer Account',
		placeholder: 'Add Account Field',
		description: 'The Sectigo account the order belongs to (when it is not the one in the credential), and account-level product options',
		parameters: [
			{ name: 'loginName', label: 'Login Name', type: 'string', maxLength: 64, requirement: 'conditional', confidence: 'documented', fromCredential: true, description: "Account user name (case sensitive). Overrides the credential's login name for this order." },
			{ name: 'loginPassword', label: 'Login Password', type: 'string', maxLength: 128, requirement: 'conditional', confidence: 'documented', fromCredential: true, secret: true, typeOptions: { password: true }, description: "Account password (case sensitive). Overrides the credential's password for this order." },
			{ name: 'disableSWP', label: 'No Free Web Products', type: 'string', maxLength: 1, values: YES_NO, confidence: 'inferred', appliesTo: 'SSL', description: 'Y: do not add the free web products Sectigo bundles with an SSL certificate.' },
			{ name: 'domainName', label: 'SiteLock Domain', type: 'string', maxLength: 64, confidence: 'inferred', appliesTo: 'SiteLock', description: 'The domain a SiteLock product is for.' },
		],
	},
	{
		key: 'shipping',
		displayName: 'Shipping (Token-Based Certificates)',
		placeholder: 'Add Shipping Field',
		description: 'Only for certificates shipped on a token. Without them Sectigo ships to the organization address.',
		parameters: [
			{ name: 'shippingOrganizationName', label: 'Shipping Organization', type: 'string', maxLength: 64, confidence: 'inferred', description: 'The organization to ship to.' },
			{ name: 'shippingOrganizationalUnitName', label: 'Shipping Organizational Unit', type: 'string', maxLength: 64, confidence: 'inferred', description: 'The organizational unit to ship to.' },
			{ name: 'shippingStreetAddress1', label: 'Shipping Street 1', type: 'string', maxLength: 128, confidence: 'inferred', description: 'Shipping street address, first line.' },
			{ name: 'shippingStreetAddress2', label: 'Shipping Street 2', type: 'string', maxLength: 128, confidence: 'inferred', description: 'Shipping street address, second line.' },
			{ name: 'shippingStreetAddress3', label: 'Shipping Street 3', type: 'string', maxLength: 128, confidence: 'inferred', description: 'Shipping street address, third line.' },
			{ name: 'shippingLocalityName', label: 'Shipping City', type: 'string', maxLength: 128, confidence: 'inferred', description: 'The shipping city.' },
			{ name: 'shippingStateOrProvinceName', label: 'Shipping State or Province', type: 'string', maxLength: 128, confidence: 'inferred', description: 'The shipping state or province.' },
			{ name: 'shippingPostalCode', label: 'Shipping Postal Code', type: 'string', maxLength: 40, confidence: 'inferred', description: 'The shipping postal code.' },
			{ name: 'shippingCountry', label: 'Shipping Country', type: 'string', maxLength: 2, format: 'country', confidence: 'inferred', description: 'ISO 3166 two-letter code of the shipping country.' },
			{ name: 'shippingTitle', label: 'Courier Contact Title', type: 'string', maxLength: 64, confidence: 'documented', description: "The courier contact's title." },
			{ name: 'shippingForename', label: 'Courier Contact First Name', type: 'string', maxLength: 64, confidence: 'documented', description: "The courier contact's first name." },
			{ name: 'shippingSurname', label: 'Courier Contact Last Name', type: 'string', maxLength: 64, confidence: 'documented', description: "The courier contact's last name." },
			{ name: 'shippingEmailAddress', label: 'Courier Contact Email', type: 'string', maxLength: 255, format: 'email', confidence: 'documented', description: "The courier contact's email address." },
			{ name: 'shippingTelephone', label: 'Courier Contact Telephone', type: 'string', maxLength: 32, confidence: 'documented', description: "The courier contact's telephone number." },
		],
	},
	{
		key: 'emailTemplates',
		displayName: 'Email Templates',
		placeholder: 'Add Email Template',
		description: 'Templates configured on the account by Sectigo support, for S/MIME and shipping emails',
		parameters: [
			{ name: 'languageName', label: 'S/MIME Email Language', type: 'string', maxLength: 2, confidence: 'documented', description: 'Two-letter language of S/MIME emails. The template IDs below take precedence.' },
			{ name: 'SMIMEVerificationTemplateID', label: 'S/MIME Verification Template ID', type: 'integer', confidence: 'documented', description: 'The S/MIME verification email template.' },
			{ name: 'SMIMERequestTemplateID', label: 'S/MIME Request Template ID', type: 'integer', confidence: 'documented', description: 'The S/MIME request email template.' },
			{ name: 'SMIMECollectionTemplateID', label: 'S/MIME Collection Template ID', type: 'integer', confidence: 'documented', description: 'The S/MIME collection email template.' },
			{ name: 'shippingTemplateID', label: 'Shipping Details Template ID', type: 'integer', confidence: 'documented', description: 'The email template that asks for missing shipping details.' },
		],
	},
];
