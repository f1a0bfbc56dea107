import { z } from 'zod';

import {
	ITEM_PARAMETERS,
	ITEM_PARAMETER_NAMES,
	ORDER_PARAMETERS,
	ORDER_PARAMETER_NAMES,
	type ParameterSpec,
} from '../catalog';
import type { EndpointKind } from '../catalog/endpoints';
import type { OrderInput, ValidatedOrder } from './orderInput';
import { controlCharacterProblem, toWireText, valueSchema } from './valueSchema';

/** Sectigo's page sets no limit; an order with more items than this is almost certainly a mapping mistake. */
export const MAX_ITEMS_PER_ORDER = 50;

/** One thing wrong with the order, located the way the user sees it. */
export interface FieldProblem {
	/** Where it is in the UI: "Customer Email", "Order Options › Currency", "Item 2 › Days". */
	field: string;
	/** The Sectigo parameter as it would be sent (with the item number), where there is one. */
	parameter?: string;
	/** 1-based item number, for item fields. */
	item?: number;
	message: string;
}

export function describeProblem(problem: FieldProblem): string {
	const parameter = problem.parameter && !problem.field.includes(problem.parameter) ? ` (${problem.parameter})` : '';
	return `${problem.field}${parameter}: ${problem.message}`;
}

/** Bad input: nothing was sent. Its message names the first problem; `problems` has them all. */
export class OrderValidationError extends Error {
	constructor(readonly problems: FieldProblem[]) {
		super(
			problems.length === 1
				? `Invalid order: ${describeProblem(problems[0])}`
				: `Invalid order: ${problems.length} problems, the first: ${describeProblem(problems[0])}`,
		);
		this.name = 'OrderValidationError';
	}
}

const PARAMETER_NAME = /^[A-Za-z0-9_]+$/;
const ITEM_PREFIX = /^_?\d+_/;

const lowerCaseIndex = (names: Iterable<string>) => new Map([...names].map((n) => [n.toLowerCase(), n]));
const ORDER_NAMES_LOWER = lowerCaseIndex(ORDER_PARAMETER_NAMES);
const ITEM_NAMES_LOWER = lowerCaseIndex(ITEM_PARAMETER_NAMES);

const ORDER_SPECS = new Map(ORDER_PARAMETERS.map((p) => [p.spec.name, p]));
const ITEM_SPECS = new Map(ITEM_PARAMETERS.map((spec) => [spec.name, spec]));

/** "Additional Parameters": free name/value pairs, checked against the catalog so they never override a field. */
function pairsSchema(level: 'order' | 'item') {
	const pair = z.object({
		name: z.preprocess(
			(v) => (typeof v === 'string' ? v.trim() : v),
			z
				.string({ invalid_type_error: 'the name must be text', required_error: 'needs a name' })
				.min(1, 'needs a name')
				.regex(PARAMETER_NAME, 'the name may hold only letters, digits and underscores'),
		),
		value: z.preprocess(
			(v) => toWireText(v),
			z
				.string({ invalid_type_error: 'the value must be text or a number' })
				.superRefine((value, ctx) => {
					const control = controlCharacterProblem(value);
					if (control) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `the value ${control}` });
				})
				.optional(),
		),
	});
	const catalogNames = level === 'order' ? ORDER_NAMES_LOWER : ITEM_NAMES_LOWER;
	return z.array(pair).superRefine((pairs, ctx) => {
		const seen = new Set<string>();
		pairs.forEach(({ name }, index) => {
			const fail = (message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, path: [index, 'name'], message });
			const known = catalogNames.get(name.toLowerCase());
			if (level === 'order' && ITEM_PREFIX.test(name)) {
				fail(`"${name}" is an item parameter: add it to the item's Additional Item Parameters, without the number`);
			} else if (level === 'item' && ITEM_PREFIX.test(name)) {
				fail(`write "${name.replace(ITEM_PREFIX, '')}" without the item number: the node adds it`);
			} else if (known) {
				fail(`"${name}" is already a field of this node: use that field instead of an additional parameter`);
			} else if (seen.has(name.toLowerCase())) {
				fail(`"${name}" is given twice`);
			}
			seen.add(name.toLowerCase());
		});
	});
}

const shapeOf = (specs: Iterable<ParameterSpec>) =>
	Object.fromEntries([...specs].map((spec) => [spec.name, valueSchema(spec)]));

/** The whole order's schema, derived from the catalog. */
const orderSchema = z.object({
	fields: z.object(shapeOf(ORDER_PARAMETERS.map((p) => p.spec))),
	additional: pairsSchema('order'),
	items: z
		.array(
			z
				.object({ fields: z.object(shapeOf(ITEM_PARAMETERS)), additional: pairsSchema('item') })
				.refine((item) => item.fields.PPP !== undefined || item.additional.some((p) => p.value !== undefined), {
					message:
						'says which product to order: set its Product Pricing Parameter (PPP), or send the product ID as an Additional Item Parameter',
				}),
		)
		.min(1, 'add at least one item: an order needs a product')
		.max(MAX_ITEMS_PER_ORDER, `has more than ${MAX_ITEMS_PER_ORDER} items: split it into several orders`),
});

/** Locates a zod issue in the UI: which field, which Sectigo parameter, which item. */
function toProblem(issue: z.ZodIssue, input: OrderInput): FieldProblem {
	const [area, a, b, c] = issue.path;
	const { message } = issue;
	if (area === 'fields') {
		const place = ORDER_SPECS.get(String(a));
		const label = place?.spec.label ?? String(a);
		return { field: place?.group ? `${place.group.displayName} › ${label}` : label, parameter: String(a), message };
	}
	if (area === 'additional') {
		const name = String(input.additional[Number(a)]?.name ?? '').trim();
		return { field: `Additional Parameters › row ${Number(a) + 1}`, parameter: name || undefined, message };
	}
	if (area === 'items' && typeof a === 'number') {
		const item = a + 1;
		if (b === 'fields') {
			const label = ITEM_SPECS.get(String(c))?.label ?? String(c);
			return { field: `Item ${item} › ${label}`, parameter: `${item}_${String(c)}`, item, message };
		}
		if (b === 'additional') {
			const name = String(input.items[a]?.additional[Number(c)]?.name ?? '').trim();
			const row = `Item ${item} › Additional Item Parameters › row ${Number(c) + 1}`;
			return { field: row, parameter: name ? `${item}_${name}` : undefined, item, message };
		}
		return { field: `Item ${item}`, item, message };
	}
	return { field: 'Items', message };
}

const definedPairs = (entries: Array<[string, string | undefined]>): Array<[string, string]> =>
	entries.filter((entry): entry is [string, string] => entry[1] !== undefined);

/**
 * Validates the order against the catalog and the endpoint. Returns the name/value pairs to send, in catalog
 * order followed by the additional parameters; throws OrderValidationError listing every problem.
 */
export function validateOrder(input: OrderInput, endpoint: EndpointKind): ValidatedOrder {
	const problems: FieldProblem[] = input.unknownKeys.map(({ where, key, suggestion }) => ({
		field: `${where} › ${key}`,
		message: suggestion
			? `Sectigo's name is "${suggestion}" (names are case sensitive)`
			: 'this version of the node has no such field: remove it, or send it as an additional parameter',
	}));

	if (input.itemsProblem) problems.push({ field: 'Items (JSON)', message: input.itemsProblem });

	const result = orderSchema.safeParse(input);
	if (!result.success) {
		// With unreadable JSON items, "add at least one item" would only repeat the JSON problem.
		const issues = result.error.issues.filter((issue) => !(input.itemsProblem && issue.path.length === 1 && issue.path[0] === 'items'));
		problems.push(...issues.map((issue) => toProblem(issue, input)));
	}

	if (result.success && result.data.fields.paymentStatus === '0' && endpoint === 'public') {
		problems.push({
			field: 'Payment Status',
			parameter: 'paymentStatus',
			message:
				'0 (already paid) must be sent to the client-certificate endpoint: choose it in the credential and add the client certificate',
		});
	}
	if (!result.success || problems.length > 0) throw new OrderValidationError(problems);

	const { fields, additional, items } = result.data;
	return {
		fields: definedPairs([
			...ORDER_PARAMETERS.map(({ spec }): [string, string | undefined] => [spec.name, fields[spec.name]]),
			...additional.map(({ name, value }): [string, string | undefined] => [name, value]),
		]),
		items: items.map((item) =>
			definedPairs([
				...ITEM_PARAMETERS.map((spec): [string, string | undefined] => [spec.name, item.fields[spec.name]]),
				...item.additional.map(({ name, value }): [string, string | undefined] => [name, value]),
			]),
		),
	};
}
