/** The order as read from the node's parameters for one input item, before validation. */
export interface NameValuePair {
	name?: unknown;
	value?: unknown;
}

export interface ItemInput {
	/** Catalog item fields by Sectigo name. */
	fields: Record<string, unknown>;
	additional: NameValuePair[];
}

export interface OrderInput {
	/** Catalog order fields by Sectigo name. */
	fields: Record<string, unknown>;
	additional: NameValuePair[];
	items: ItemInput[];
	/** Keys found in the node's collections that no catalog row knows (for example after a rename). */
	unknownKeys: Array<{ where: string; key: string; suggestion?: string }>;
	/** Why the JSON items could not be read, when they come from JSON. */
	itemsProblem?: string;
}

/** The validated order: name/value pairs in the order they are sent; items without their number prefix. */
export interface ValidatedOrder {
	fields: Array<[string, string]>;
	items: Array<Array<[string, string]>>;
}
