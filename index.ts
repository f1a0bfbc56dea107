export { SectigoPlaceOrderApi } from './credentials/SectigoPlaceOrderApi.credentials';
export { SectigoPlaceOrder } from './nodes/SectigoPlaceOrder/SectigoPlaceOrder.node';
