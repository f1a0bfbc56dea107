import { createPrivateKey, X509Certificate, type KeyObject } from 'crypto';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { CredentialSetupError } from '../errors/credentialSetupError';
import { FIELD } from './names';
import { normalizePem } from './pem';

/** What the HTTPS agent gets: n8n passes it on as `agentOptions` (n8n 2.20 and later). */
export interface ClientTlsOptions {
	cert?: string;
	key?: string;
	passphrase?: string;
	ca?: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** Runs a parser; undefined where it throws (the caller says what was wrong). */
function attempt<T>(parse: () => T): T | undefined {
	try {
		return parse();
	} catch {
		return undefined;
	}
}

function readPrivateKey(key: string, passphrase: string): KeyObject {
	const keyObject = attempt(() =>
		createPrivateKey({ key, format: 'pem', passphrase: passphrase === '' ? undefined : passphrase }),
	);
	if (keyObject) return keyObject;
	throw new CredentialSetupError(
		passphrase === ''
			? 'Private Key: it cannot be read. If it is encrypted, enter its passphrase in the credential.'
			: 'Private Key: it cannot be decrypted with the passphrase in the credential. Check the passphrase.',
	);
}

function readCertificate(cert: string): X509Certificate {
	const certificate = attempt(() => new X509Certificate(cert));
	if (certificate) return certificate;
	throw new CredentialSetupError('Client Certificate: it is not a valid X.509 certificate in PEM form.');
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** A certificate outside its validity dates would fail every handshake: say so, with the dates, before sending. */
function checkValidity(certificate: X509Certificate, now: Date) {
	const from = new Date(certificate.validFrom);
	const to = new Date(certificate.validTo);
	const period = `it is valid from ${day(from)} to ${day(to)}`;
	if (now < from) throw new CredentialSetupError(`Client Certificate: not valid yet (${period}).`);
	if (now > to) throw new CredentialSetupError(`Client Certificate: expired on ${day(to)} (${period}). Ask Sectigo for a new one.`);
}

/**
 * The client certificate, key, passphrase and CA from the credential, normalised and checked before anything
 * is sent: a wrong passphrase, a key that does not belong to the certificate, or a certificate outside its
 * validity dates is named here rather than surfacing as a TLS handshake failure. Not used for the public
 * endpoint, which takes no client certificate.
 */
export function clientTlsOptions(credentials: ICredentialDataDecryptedObject, now = new Date()): ClientTlsOptions | undefined {
	const options: ClientTlsOptions = {};
	const caText = text(credentials[FIELD.caCertificate]);
	if (caText) options.ca = normalizePem(caText, 'CA Certificate');

	const certText = text(credentials[FIELD.clientCertificate]);
	const keyText = text(credentials[FIELD.privateKey]);
	if (certText || keyText) {
		if (!certText || !keyText) {
			throw new CredentialSetupError('Client Certificate and Private Key go together: set both, or neither.');
		}
		const rawPassphrase = credentials[FIELD.passphrase];
		const passphrase = typeof rawPassphrase === 'string' ? rawPassphrase : '';
		options.cert = normalizePem(certText, 'Client Certificate');
		options.key = normalizePem(keyText, 'Private Key');
		if (passphrase !== '') options.passphrase = passphrase;
		const certificate = readCertificate(options.cert);
		if (!certificate.checkPrivateKey(readPrivateKey(options.key, passphrase))) {
			throw new CredentialSetupError('Client Certificate and Private Key do not belong together.');
		}
		checkValidity(certificate, now);
	}
	return Object.keys(options).length > 0 ? options : undefined;
}
