import { ITEM_PARAMETERS } from './itemParameters';
import { ORDER_GROUPS } from './orderParameters';
import type { ParameterGroup, ParameterSpec } from './types';

export { ITEM_PARAMETERS } from './itemParameters';
export { ORDER_GROUPS } from './orderParameters';
export * from './types';

/** Where an order-level parameter lives in the node's parameters. */
export interface OrderParameterPlace {
	spec: ParameterSpec;
	/** The collection it belongs to; undefined for a primary (top-level) field. */
	group?: ParameterGroup;
}

export const ORDER_PARAMETERS: readonly OrderParameterPlace[] = ORDER_GROUPS.flatMap((group) =>
	group.parameters.map((spec) => (spec.primary ? { spec } : { spec, group })),
);

export const ORDER_PARAMETER_NAMES: ReadonlySet<string> = new Set(ORDER_PARAMETERS.map((p) => p.spec.name));
export const ITEM_PARAMETER_NAMES: ReadonlySet<string> = new Set(ITEM_PARAMETERS.map((spec) => spec.name));

/** The parameters whose values must never be shown. */
export const SECRET_PARAMETER_NAMES: ReadonlySet<string> = new Set(
	[...ORDER_PARAMETERS.map((p) => p.spec), ...ITEM_PARAMETERS].filter((s) => s.secret).map((s) => s.name),
);

/** Every key a row can be saved under (its name and its former names), to the name it is sent as. */
export function keysToNames(specs: readonly ParameterSpec[]): ReadonlyMap<string, string> {
	const keys = new Map<string, string>();
	for (const spec of specs) {
		for (const former of spec.formerNames ?? []) keys.set(former, spec.name);
	}
	for (const spec of specs) keys.set(spec.name, spec.name);
	return keys;
}
