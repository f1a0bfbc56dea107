import { makeTestPki } from '../harness/pki';
import { startFakeSectigo } from '../harness/fakeSectigo';
import { runInN8n } from '../harness/runInN8n';

test('the built node places one order through n8n-core against an HTTPS server', async () => {
	const pki = makeTestPki();
	const server = await startFakeSectigo(pki);
	try {
		const result = await runInN8n({
			parameters: { emailAddress: 'a@example.com', items: { item: [{ PPP: 400 }] } },
			credentials: { endpoint: 'custom', customUrl: server.url, caCertificate: pki.caCert, loginName: 'u', loginPassword: 'pw-123456', ap: 'brand' },
		});
		expect(result.error).toBeUndefined();
		expect(result.success).toEqual([{ json: { orderNumber: '1000001', errorCode: 0 }, pairedItem: { item: 0 } }]);
		expect(server.requests.map((r) => r.body)).toEqual([
			'loginName=u&loginPassword=pw-123456&ap=brand&paymentStatus=2&emailAddress=a%40example.com&1_PPP=400',
		]);
	} finally {
		await server.close();
	}
});
