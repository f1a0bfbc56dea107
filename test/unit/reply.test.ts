import { orderOutput } from '../../nodes/SectigoPlaceOrder/reply/orderOutput';
import { parsePairs, parseReply } from '../../nodes/SectigoPlaceOrder/reply/parseReply';

describe('reading the reply', () => {
	test('an order: orderNumber stays text, errorCode becomes a number', () => {
		const reply = parseReply(200, 'errorCode=0&orderNumber=0012345678901234567890');
		expect(reply).toEqual({ kind: 'order', errorCode: 0, orderNumber: '0012345678901234567890', fields: { errorCode: '0', orderNumber: '0012345678901234567890' } });
		if (reply.kind !== 'order') throw new Error('not an order');
		expect(orderOutput(reply)).toEqual({ orderNumber: '0012345678901234567890', errorCode: 0 });
	});

	test('Payment Status 2 adds the total cost (a number) and its currency; other fields are kept', () => {
		const reply = parseReply(200, 'errorCode=0&orderNumber=77&totalCost=123.45&currency=EUR&note=paid+later%21\n');
		if (reply.kind !== 'order') throw new Error('not an order');
		expect(orderOutput(reply)).toEqual({ orderNumber: '77', errorCode: 0, totalCost: 123.45, currency: 'EUR', note: 'paid later!' });
	});

	test('errorCode 1 (placed, payment due) is an order, and keeps its code', () => {
		const reply = parseReply(200, 'errorCode=1&orderNumber=78');
		expect(reply).toMatchObject({ kind: 'order', errorCode: 1, orderNumber: '78' });
	});

	test("Sectigo's error keeps its code, message and offending parameter", () => {
		expect(parseReply(200, 'errorCode=-4&errorMessage=The+value+of+the+%27country%27+argument+is+invalid%21&errorItem=country')).toEqual({
			kind: 'sectigoError',
			errorCode: -4,
			errorMessage: "The value of the 'country' argument is invalid!",
			errorItem: 'country',
			fields: { errorCode: '-4', errorMessage: "The value of the 'country' argument is invalid!", errorItem: 'country' },
		});
	});

	test('a negative errorCode is Sectigo speaking even with an odd HTTP status', () => {
		expect(parseReply(500, 'errorCode=-14&errorMessage=Unknown+error')).toMatchObject({ kind: 'sectigoError', errorCode: -14 });
	});

	test('an HTML page is never an order', () => {
		const html = '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';
		expect(parseReply(502, html)).toEqual({
			kind: 'notSectigo',
			status: 502,
			reason: "HTTP 502 with an HTML page, not Sectigo's url-encoded reply",
			excerpt: html,
		});
		expect(parseReply(200, html)).toMatchObject({ kind: 'notSectigo', status: 200 });
	});

	test('an empty body, a truncated body and a 5xx with a success code are not orders', () => {
		expect(parseReply(200, '')).toMatchObject({ kind: 'notSectigo', reason: 'HTTP 200 with an empty body' });
		expect(parseReply(200, 'errorCode=0&orderNum')).toMatchObject({ kind: 'notSectigo' });
		expect(parseReply(200, 'errorCode=0')).toMatchObject({ kind: 'notSectigo', reason: expect.stringContaining('no orderNumber') });
		expect(parseReply(503, 'errorCode=0&orderNumber=5')).toMatchObject({ kind: 'notSectigo', reason: 'HTTP 503' });
	});

	test('a redirect (browser flow) is explained', () => {
		expect(parseReply(302, '', 'https://example.com/pay')).toMatchObject({
			kind: 'notSectigo',
			reason: expect.stringContaining('redirect to https://example.com/pay'),
		});
	});

	test('pairs need an integer errorCode and names that are names', () => {
		expect(parsePairs('errorCode=abc&orderNumber=1')).toBeUndefined();
		expect(parsePairs('orderNumber=1')).toBeUndefined();
		expect(parsePairs('hello world')).toBeUndefined();
		expect(parsePairs(' errorCode=0&orderNumber=1 ')).toEqual({ errorCode: '0', orderNumber: '1' });
	});

	test('a long excerpt is cut at 200 characters', () => {
		const reply = parseReply(500, `<p>${'x'.repeat(500)}</p>`);
		expect(reply.kind === 'notSectigo' && reply.excerpt.length).toBe(201);
	});
});
