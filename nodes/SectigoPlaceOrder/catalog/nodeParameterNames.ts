/** Internal names of the node's own (non-catalog) UI properties, shared by the description and the reader. */
export const OPERATION = 'operation';
export const ITEMS_MODE = 'itemsMode';
export const ITEMS_MODE_FIELDS = 'fields';
export const ITEMS_MODE_JSON = 'json';
export const ITEMS_JSON = 'itemsJson';
export const ITEMS = 'items';
export const ITEM = 'item';
export const ITEM_FIELDS = 'itemFields';
export const ADDITIONAL_PARAMETERS = 'additionalParameters';
export const ADDITIONAL_ITEM_PARAMETERS = 'additionalItemParameters';
/** The one entry of a name/value list ("Additional Parameters"). */
export const NAME_VALUE_PAIR = 'parameter';

export const OPTIONS = 'options';
export const ORDER_REFERENCE = 'orderReference';
export const TIMEOUT_SECONDS = 'timeout';
export const CONCURRENCY = 'concurrency';
/** The most orders Options → Orders In Flight lets be on their way at once. */
export const MAX_ORDERS_IN_FLIGHT = 20;
export const FORGET_WHAT = 'forgetWhat';
export const FORGET_REFERENCE = 'reference';
export const FORGET_ALL = 'all';

export const OPERATION_PLACE_ORDER = 'placeOrder';
export const OPERATION_VALIDATE_ONLY = 'validateOnly';
export const OPERATION_FORGET = 'forgetOrders';
export const OPERATION_LABELS: Readonly<Record<string, string>> = {
	[OPERATION_PLACE_ORDER]: 'Place Order',
	[OPERATION_VALIDATE_ONLY]: 'Validate Only',
	[OPERATION_FORGET]: 'Forget Sent Orders',
};
