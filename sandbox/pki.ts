import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throw-away PKI made with the openssl command line (EC P-256, valid two days): a CA, a server certificate for
 * loopback, a client certificate with its key in plain, encrypted and legacy-encrypted PEM, and a stranger's
 * certificate from another CA.
 */
export interface TestPki {
	caCert: string;
	serverCert: string;
	serverKey: string;
	clientCert: string;
	clientKey: string;
	/** The client key encrypted (PKCS#8, AES-256) with `passphrase`. */
	clientKeyEncrypted: string;
	/** The client key in the legacy encrypted PEM form, with Proc-Type and DEK-Info headers. */
	clientKeyLegacyEncrypted: string;
	passphrase: string;
	/** A certificate from another CA, to prove the server refuses it. */
	strangerCert: string;
	strangerKey: string;
}

let cached: TestPki | undefined;

/** Makes the PKI once per process; later calls return the same one. */
export function makeTestPki(): TestPki {
	if (cached) return cached;
	const dir = mkdtempSync(join(tmpdir(), 'sectigo-pki-'));
	const file = (name: string) => join(dir, name);
	const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
	const newKey = (name: string) => openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', file(name));
	const passphrase = 'correct horse battery staple';
	try {
		for (const ca of ['ca', 'stranger-ca']) {
			newKey(`${ca}.key`);
			openssl('req', '-x509', '-new', '-key', `${ca}.key`, '-subj', `/CN=Test ${ca}`, '-days', '2', '-out', `${ca}.crt`);
		}
		const issue = (name: string, ca: string, subject: string, extensions: string) => {
			newKey(`${name}.key`);
			openssl('req', '-new', '-key', `${name}.key`, '-subj', subject, '-out', `${name}.csr`);
			writeFileSync(file(`${name}.ext`), extensions);
			openssl('x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.crt`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-days', '2', '-extfile', `${name}.ext`, '-out', `${name}.crt`);
		};
		issue('server', 'ca', '/CN=localhost', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
		issue('client', 'ca', '/CN=Test Affiliate', 'extendedKeyUsage=clientAuth\n');
		issue('stranger', 'stranger-ca', '/CN=Stranger', 'extendedKeyUsage=clientAuth\n');
		openssl('pkcs8', '-topk8', '-in', 'client.key', '-v2', 'aes-256-cbc', '-passout', `pass:${passphrase}`, '-out', 'client-enc.key');
		openssl('ec', '-in', 'client.key', '-aes256', '-passout', `pass:${passphrase}`, '-out', 'client-legacy.key');
		const read = (name: string) => readFileSync(file(name), 'utf8');
		cached = {
			caCert: read('ca.crt'),
			serverCert: read('server.crt'),
			serverKey: read('server.key'),
			clientCert: read('client.crt'),
			clientKey: read('client.key'),
			clientKeyEncrypted: read('client-enc.key'),
			clientKeyLegacyEncrypted: read('client-legacy.key'),
			passphrase,
			strangerCert: read('stranger.crt'),
			strangerKey: read('stranger.key'),
		};
		return cached;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** What a user gets when pasting PEM into n8n's one-line password field: line breaks become spaces. */
export const asOneLine = (pem: string): string => pem.trim().replace(/\n/g, ' ');
