import type { AllowedValue } from './types';

/** Value lists shared by several catalog rows. */

export const YES_NO: readonly AllowedValue[] = [
	{ value: 'Y', label: 'Yes (Y)' },
	{ value: 'N', label: 'No (N)' },
];

export const PAYMENT_STATUS: readonly AllowedValue[] = [
	{ value: '2', label: 'Back-End Order, Reply With Total Cost (2)' },
	{ value: '0', label: 'Already Paid to the Affiliate (0)' },
	{ value: '1', label: "Customer Pays on Sectigo's Payment Pages (1)" },
];

export const CURRENCIES_QUOTED: readonly AllowedValue[] = [
	{ value: 'USD', label: 'US Dollar (USD, default)' },
	{ value: 'EUR', label: 'Euro (EUR)' },
	{ value: 'GBP', label: 'Pound Sterling (GBP)' },
];

export const OFFER_CODES: readonly AllowedValue[] = [
	{ value: 'FREE_EV_UPGRADE', label: 'FREE_EV_UPGRADE' },
	{ value: 'FREE_EV_UPGRADE_REQUIRED', label: 'FREE_EV_UPGRADE_REQUIRED' },
	{ value: 'EVSSLPREREGISTRATIONOFFER', label: 'EVSSLPREREGISTRATIONOFFER' },
	{ value: 'FREE_HP_UPGRADE', label: 'FREE_HP_UPGRADE' },
];

export const DCV_METHODS: readonly AllowedValue[] = [
	{ value: 'EMAIL', label: 'Email to an Approved Address (EMAIL)' },
	{ value: 'HTTP_CSR_HASH', label: 'File Over HTTP (HTTP_CSR_HASH)' },
	{ value: 'HTTPS_CSR_HASH', label: 'File Over HTTPS (HTTPS_CSR_HASH)' },
	{ value: 'CNAME_CSR_HASH', label: 'DNS CNAME Record (CNAME_CSR_HASH)' },
];

export const HSM_TYPES: readonly AllowedValue[] = [
	{ value: 'FORTANIX', label: 'Fortanix (FORTANIX)' },
	{ value: 'YUBIHSM2', label: 'YubiHSM 2 (YUBIHSM2)' },
	{ value: 'NSHIELD', label: 'Entrust nShield (NSHIELD)' },
	{ value: 'MARELL_GOOGLE', label: 'Google Cloud KMS (MARELL_GOOGLE)' },
];
