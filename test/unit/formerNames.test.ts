/**
 * A catalog row renamed after Sectigo answered -2 (the README's upgrade path) must not make saved workflows lose
 * the field: n8n drops every saved key the node's description does not declare before the node runs, so the old
 * name stays declared as a hidden field and is read as the new one.
 */
import { NodeHelpers, type INode, type INodeParameters, type INodeProperties } from 'n8n-workflow';

const CATALOG = '../../nodes/SectigoPlaceOrder/catalog/itemParameters';
const node: INode = { id: 'n', name: 'Sectigo', type: 'n8n-nodes-sectigo.sectigoPlaceOrder', typeVersion: 1, position: [0, 0], parameters: {} };
const saved: INodeParameters = { emailAddress: 'a@example.com', items: { item: [{ PPP: 400, itemFields: { days: 365 } }] } };

/** Loads the node's description and request code with "days" renamed to "term", with or without its former name. */
function withRenamedDays(keepFormerName: boolean) {
	let loaded: { properties: INodeProperties[]; send: (parameters: INodeParameters) => string } | undefined;
	jest.isolateModules(() => {
		jest.doMock(CATALOG, () => {
			const actual = jest.requireActual(CATALOG);
			return {
				ITEM_PARAMETERS: actual.ITEM_PARAMETERS.map((spec: { name: string }) =>
					spec.name === 'days' ? { ...spec, name: 'term', ...(keepFormerName ? { formerNames: ['days'] } : {}) } : spec,
				),
			};
		});
		/* eslint-disable @typescript-eslint/no-require-imports */
		const { nodeProperties } = require('../../nodes/SectigoPlaceOrder/description/nodeProperties');
		const { readOrderInput } = require('../../nodes/SectigoPlaceOrder/request/readOrderInput');
		const { validateOrder } = require('../../nodes/SectigoPlaceOrder/request/validateOrder');
		const { encodeOrder } = require('../../nodes/SectigoPlaceOrder/request/encodeOrder');
		/* eslint-enable @typescript-eslint/no-require-imports */
		loaded = {
			properties: nodeProperties,
			send: (parameters) => encodeOrder(validateOrder(readOrderInput((name: string, fallback: unknown) => parameters[name] ?? fallback), 'public')).toString(),
		};
	});
	return loaded!;
}

/** What n8n keeps of the saved parameters when it builds the workflow (the same call n8n's Workflow makes). */
const keptByN8n = (properties: INodeProperties[]) => NodeHelpers.getNodeParameters(properties, saved, true, false, node, null) as INodeParameters;

afterEach(() => jest.dontMock(CATALOG));

test('with its former name declared, a saved "days" is kept by n8n and sent as the new name', () => {
	const { properties, send } = withRenamedDays(true);
	const kept = keptByN8n(properties);
	expect(send(kept)).toBe('paymentStatus=2&emailAddress=a%40example.com&1_PPP=400&1_term=365');
});

test('without it, n8n drops the saved key before the node runs: the reason former names exist', () => {
	const { properties, send } = withRenamedDays(false);
	expect(send(keptByN8n(properties))).toBe('paymentStatus=2&emailAddress=a%40example.com&1_PPP=400');
});

test('the former name is a hidden field: it is not offered in the editor', () => {
	const { properties } = withRenamedDays(true);
	const itemFields = JSON.stringify(properties);
	expect(itemFields).toContain('"name":"days","type":"hidden"');
});
