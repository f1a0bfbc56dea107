import {
	ITEM_PARAMETERS,
	ITEM_PARAMETER_NAMES,
	ORDER_PARAMETERS,
	ORDER_PARAMETER_NAMES,
	type ParameterSpec,
} from '../nodes/SectigoPlaceOrder/catalog';
import { valueSchema } from '../nodes/SectigoPlaceOrder/request/valueSchema';

/**
 * How the sandbox answers PlaceOrder, as ../shared/sectigo describes Sectigo's endpoint: the first problem found
 * wins, in this order: an unknown parameter (-2), a missing emailAddress (-3), a wrong login (-16), an invalid
 * value (-4), no product (-3), Payment Status 0 without the client certificate (-91); otherwise a new order.
 */

export interface Account {
	loginName: string;
	loginPassword: string;
}

export interface SandboxOrder {
	orderNumber: string;
	loginName?: string;
	emailAddress: string;
	paymentStatus?: string;
	currency: string;
	totalCost: string;
	clientCertificate: boolean;
	fields: Record<string, string>;
	items: Array<Record<string, string>>;
}

export interface PlaceOrderRules {
	accounts: readonly Account[];
	/** Names the sandbox accepts beyond the catalog's, for parameters whose real name is unknown. */
	extraOrderParameters: readonly string[];
	extraItemParameters: readonly string[];
}

export interface Outcome {
	reply: Record<string, string>;
	order?: SandboxOrder;
}

/** Stand-in names, so that examples can send what Sectigo documents but never named publicly. */
export const DEFAULT_RULES: PlaceOrderRules = {
	accounts: [{ loginName: 'sandbox-user', loginPassword: 'sandbox-password' }],
	extraOrderParameters: ['vatNumber', 'costWithoutTax', 'tax', 'paymentMethod', 'transactionID', 'paymentTime'],
	extraItemParameters: ['productID', 'quantity'],
};

/** List prices per PPP, in the order's currency, for the total cost. */
const PRICES: Record<string, number> = { '400': 79, '401': 129, '402': 249, '512': 19.5 };
const DEFAULT_PRICE = 50;

const ITEM_NAME = /^_?(\d+)_(.+)$/;
const ORDER_SPECS = new Map(ORDER_PARAMETERS.map((p) => [p.spec.name, p.spec]));
const ITEM_SPECS = new Map(ITEM_PARAMETERS.map((spec) => [spec.name, spec]));

const error = (code: number, message: string, item?: string): Outcome => ({
	reply: { errorCode: String(code), errorMessage: message, ...(item ? { errorItem: item } : {}) },
});

function isValid(spec: ParameterSpec | undefined, value: string): boolean {
	return spec === undefined || valueSchema(spec).safeParse(value).success;
}

export function placeOrder(
	form: ReadonlyArray<[string, string]>,
	clientCertificate: boolean,
	rules: PlaceOrderRules,
	nextOrderNumber: () => string,
): Outcome {
	const fields: Record<string, string> = {};
	const items = new Map<number, Record<string, string>>();
	const orderNames = new Set([...ORDER_PARAMETER_NAMES, ...rules.extraOrderParameters]);
	const itemNames = new Set([...ITEM_PARAMETER_NAMES, ...rules.extraItemParameters]);

	for (const [name, value] of form) {
		const itemMatch = ITEM_NAME.exec(name);
		if (itemMatch && Number(itemMatch[1]) >= 1 && itemNames.has(itemMatch[2])) {
			const item = items.get(Number(itemMatch[1])) ?? {};
			item[itemMatch[2]] = value;
			items.set(Number(itemMatch[1]), item);
		} else if (!itemMatch && orderNames.has(name)) {
			fields[name] = value;
		} else {
			return error(-2, `The '${name}' argument is not recognised!`, name);
		}
	}

	if (!fields.emailAddress) return error(-3, "The 'emailAddress' argument is missing!", 'emailAddress');

	const account = rules.accounts.find((a) => a.loginName === fields.loginName);
	if (!account || (!clientCertificate && account.loginPassword !== fields.loginPassword)) {
		return error(-16, 'Authentication failed! Check the login name and password.');
	}

	for (const [name, value] of Object.entries(fields)) {
		if (!isValid(ORDER_SPECS.get(name), value)) return error(-4, `The value of the '${name}' argument is invalid!`, name);
	}
	const numbered = [...items.entries()].sort(([a], [b]) => a - b);
	for (const [number, item] of numbered) {
		for (const [name, value] of Object.entries(item)) {
			if (!isValid(ITEM_SPECS.get(name), value)) return error(-4, `The value of the '${number}_${name}' argument is invalid!`, `${number}_${name}`);
		}
	}
	if (numbered.length === 0 || numbered.some(([, item]) => !item.PPP && !item.productID)) {
		const missing = numbered.find(([, item]) => !item.PPP && !item.productID)?.[0] ?? 1;
		return error(-3, `The '${missing}_PPP' argument is missing!`, `${missing}_PPP`);
	}
	if (fields.paymentStatus === '0' && !clientCertificate) {
		return error(-91, 'Payment Status 0 needs the client-certificate endpoint: no permission for this context.');
	}

	const currency = fields.currency?.toUpperCase() ?? 'USD';
	const total = numbered.reduce((sum, [, item]) => sum + (PRICES[item.PPP] ?? DEFAULT_PRICE) * Number(item.quantity ?? 1), 0);
	const order: SandboxOrder = {
		orderNumber: nextOrderNumber(),
		loginName: fields.loginName,
		emailAddress: fields.emailAddress,
		paymentStatus: fields.paymentStatus,
		currency,
		totalCost: total.toFixed(2),
		clientCertificate,
		fields: Object.fromEntries(Object.entries(fields).filter(([name]) => name !== 'loginPassword')),
		items: numbered.map(([, item]) => item),
	};
	const reply: Record<string, string> = { errorCode: '0', orderNumber: order.orderNumber };
	if (fields.paymentStatus === '2') Object.assign(reply, { totalCost: order.totalCost, currency });
	return { reply, order };
}
