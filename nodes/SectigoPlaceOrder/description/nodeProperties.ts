import type { INodeProperties } from 'n8n-workflow';

import { ITEM_PARAMETERS, ORDER_GROUPS, ORDER_PARAMETERS } from '../catalog';
import { fieldProperties } from './fieldProperty';
import {
	ADDITIONAL_ITEM_PARAMETERS,
	ADDITIONAL_PARAMETERS,
	ITEM,
	ITEM_FIELDS,
	ITEMS,
	ITEMS_JSON,
	ITEMS_MODE,
	ITEMS_MODE_FIELDS,
	ITEMS_MODE_JSON,
	FORGET_ALL,
	FORGET_REFERENCE,
	FORGET_WHAT,
	NAME_VALUE_PAIR,
	OPERATION,
	OPERATION_FORGET,
	OPERATION_PLACE_ORDER,
	OPERATION_VALIDATE_ONLY,
	OPTIONS,
	ORDER_REFERENCE,
	TIMEOUT_SECONDS,
	CONCURRENCY,
	MAX_ORDERS_IN_FLIGHT,
} from '../catalog/nodeParameterNames';
import { DEFAULT_DEADLINE_SECONDS } from '../transport/sendOrder';

/** A repeatable list of name/value pairs, for parameters the catalog lacks. */
function pairsProperty(name: string, displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Parameter',
		default: {},
		description,
		options: [
			{
				name: NAME_VALUE_PAIR,
				displayName: 'Parameter',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', description: "Sectigo's parameter name, exactly as Sectigo spells it" },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	};
}

const operation: INodeProperties = {
	displayName: 'Operation',
	name: OPERATION,
	type: 'options',
	noDataExpression: true,
	default: OPERATION_PLACE_ORDER,
	options: [
		{ name: 'Place Order', value: OPERATION_PLACE_ORDER, action: 'Place an order', description: 'Send the order to Sectigo and return the new order number' },
		{ name: 'Validate Only', value: OPERATION_VALIDATE_ONLY, action: 'Validate an order without sending it', description: 'Build and check the exact request and return it with secrets masked; nothing is sent' },
		{ name: 'Forget Sent Orders', value: OPERATION_FORGET, action: 'Forget sent orders', description: 'Let this node order again what it already sent: one Order Reference, or everything it recorded' },
	],
};

const PLACING = { show: { [OPERATION]: [OPERATION_PLACE_ORDER, OPERATION_VALIDATE_ONLY] } };

const orderReferenceField: INodeProperties = {
	displayName: 'Order Reference',
	name: ORDER_REFERENCE,
	type: 'string',
	default: '',
	placeholder: '={{ $json.dealId }}',
	description:
		'A business key for this order, such as a CRM deal ID. A reference that already has an order is never ordered again, in any later execution, until you forget it with the Forget Sent Orders operation.',
};

const options: INodeProperties = {
	displayName: 'Options',
	name: OPTIONS,
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions: PLACING,
	options: [
		orderReferenceField,
		{
			displayName: 'Orders In Flight',
			name: CONCURRENCY,
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_ORDERS_IN_FLIGHT, numberPrecision: 0 },
			default: 1,
			description:
				'How many orders may be on their way to Sectigo at once (1 to 20). More is faster for long lists; the output stays in input order.',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: TIMEOUT_SECONDS,
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 600, numberPrecision: 0 },
			default: DEFAULT_DEADLINE_SECONDS,
			description:
				'How long Sectigo has to answer one order, reply included. After 3 orders in a row get no answer, the remaining items are not sent.',
		},
	],
};

const forgetWhat: INodeProperties = {
	displayName: 'What to Forget',
	name: FORGET_WHAT,
	type: 'options',
	default: FORGET_REFERENCE,
	displayOptions: { show: { [OPERATION]: [OPERATION_FORGET] } },
	options: [
		{ name: 'One Order Reference', value: FORGET_REFERENCE, description: 'The reference below may be ordered again' },
		{ name: 'Everything This Node Recorded', value: FORGET_ALL, description: 'Every item and reference this node sent may be sent again' },
	],
};

const forgetReference: INodeProperties = {
	...orderReferenceField,
	description: 'The Order Reference to forget, as it was given when ordering',
	displayOptions: { show: { [OPERATION]: [OPERATION_FORGET], [FORGET_WHAT]: [FORGET_REFERENCE] } },
};

const primaryOrderFields = ORDER_PARAMETERS.filter((p) => p.group === undefined)
	.map((p) => p.spec)
	.sort((a, b) => Number(b.requirement === 'required') - Number(a.requirement === 'required'));

const [firstPrimary, ...otherPrimaries] = primaryOrderFields.flatMap(fieldProperties);

const paymentStatus0Notice: INodeProperties = {
	displayName:
		'Payment Status 0 (already paid) needs the client-certificate endpoint in the credential, and the five payment fields (cost, tax, payment method, transaction ID, payment time) as Additional Parameters: their Sectigo names are not published.',
	name: 'paymentStatus0Notice',
	type: 'notice',
	default: '',
	displayOptions: { show: { paymentStatus: ['0'] } },
};

const itemsMode: INodeProperties = {
	displayName: 'Items From',
	name: ITEMS_MODE,
	type: 'options',
	noDataExpression: true,
	default: ITEMS_MODE_FIELDS,
	options: [
		{ name: 'Fields Below', value: ITEMS_MODE_FIELDS, description: 'A fixed list of items, each field mapped on its own' },
		{ name: 'JSON', value: ITEMS_MODE_JSON, description: 'A list built by an expression, for a different number of products per input item' },
	],
};

const itemsJson: INodeProperties = {
	displayName: 'Items (JSON)',
	name: ITEMS_JSON,
	type: 'json',
	default: '[\n  { "PPP": 400, "days": 365 }\n]',
	description:
		'A list of items, one object each, keyed by Sectigo item parameter names (PPP, days, dcvMethod, ...). Names the node has no field for are sent as they are.',
	hint: 'For example {{ $json.products.map(p => ({ PPP: p.ppp, days: p.years * 365 })) }}',
	displayOptions: { show: { [ITEMS_MODE]: [ITEMS_MODE_JSON] } },
};

const items: INodeProperties = {
	displayName: 'Items',
	name: ITEMS,
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Item',
	default: {},
	description: 'The products in this order: item 1 is sent as 1_PPP, 1_days and so on',
	displayOptions: { show: { [ITEMS_MODE]: [ITEMS_MODE_FIELDS] } },
	options: [
		{
			name: ITEM,
			displayName: 'Item',
			values: [
				...ITEM_PARAMETERS.filter((spec) => spec.primary).flatMap(fieldProperties),
				{
					displayName: 'Item Fields',
					name: ITEM_FIELDS,
					type: 'collection',
					placeholder: 'Add Item Field',
					default: {},
					options: ITEM_PARAMETERS.filter((spec) => !spec.primary).flatMap(fieldProperties),
				},
				pairsProperty(
					ADDITIONAL_ITEM_PARAMETERS,
					'Additional Item Parameters',
					'Item parameters this node has no field for, by name without the item number (write "days", not "1_days")',
				),
			],
		},
	],
};

const groupCollections: INodeProperties[] = ORDER_GROUPS.map((group) => ({
	displayName: group.displayName,
	name: group.key,
	type: 'collection',
	placeholder: group.placeholder,
	default: {},
	description: group.description,
	options: group.parameters.filter((spec) => !spec.primary).flatMap(fieldProperties),
}));

/** The order's fields: everything Place Order and Validate Only show. */
const orderProperties: INodeProperties[] = [
	firstPrimary,
	itemsMode,
	items,
	itemsJson,
	...otherPrimaries,
	paymentStatus0Notice,
	...groupCollections,
	pairsProperty(
		ADDITIONAL_PARAMETERS,
		'Additional Parameters',
		'Order parameters this node has no field for, sent as they are. A name that one of the fields above already covers is refused.',
	),
	options,
].map((property) => ({ ...property, displayOptions: { ...property.displayOptions, show: { ...PLACING.show, ...property.displayOptions?.show } } }));

/** The node's UI, derived from the catalog. */
export const nodeProperties: INodeProperties[] = [operation, ...orderProperties, forgetWhat, forgetReference];
