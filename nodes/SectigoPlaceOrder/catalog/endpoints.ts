/** Sectigo's PlaceOrder endpoints: the hosts a credential can point at, and the path on each. */
export const ENDPOINT_KINDS = ['public', 'clientCertificate', 'custom'] as const;
export type EndpointKind = (typeof ENDPOINT_KINDS)[number];

export const PLACE_ORDER_PATH = '/products/!PlaceOrder';
export const PUBLIC_ENDPOINT = `https://secure.trust-provider.com${PLACE_ORDER_PATH}`;
export const CLIENT_CERTIFICATE_ENDPOINT = `https://private.sectigo.com${PLACE_ORDER_PATH}`;
