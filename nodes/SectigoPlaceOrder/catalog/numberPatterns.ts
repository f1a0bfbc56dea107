/** Sectigo's number syntax, on the way out (validation) and back (the reply): plain decimals only. */
export const INTEGER_TEXT = /^-?\d+$/;
export const DECIMAL_TEXT = /^-?\d+(?:\.\d+)?$/;
