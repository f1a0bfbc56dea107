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
export const PAIR = 'parameter';

export const OPERATION_PLACE_ORDER = 'placeOrder';
export const OPERATION_VALIDATE_ONLY = 'validateOnly';
