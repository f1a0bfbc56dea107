/**
 * Sectigo error codes whose number is known, with a one-line explanation in plain words. Sectigo always sends
 * its own errorMessage; this only adds what to do about it. Unknown numbers are shown with Sectigo's text alone.
 */
export const ERROR_EXPLANATIONS: Readonly<Record<string, string>> = {
	'-1': 'The request did not use HTTPS. Check the endpoint in the credential.',
	'-2': 'Sectigo does not recognise a parameter name. If it is one of this node\'s fields, its name in the catalog may be wrong: send the right name through "Additional Parameters" and report it.',
	'-3': 'A parameter that this order needs is missing. Add the field Sectigo names.',
	'-4': 'A value does not meet Sectigo\'s rules (length, format or allowed values). Check the field Sectigo names.',
	'-14': 'Sectigo hit an unknown error. The order may or may not exist: check the account before placing it again.',
	'-16': 'Authentication failed: check the login name and password (or client certificate), and whether the account is locked, its password expired or the calling IP address is blocked.',
	'-91': 'The account has no permission for this kind of order. Ask Sectigo to enable it.',
};
