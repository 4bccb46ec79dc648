// The limits of a comment, without zod: the browser's forms import these, and zod's object schemas
// probe `new Function` when they are built, which the Content-Security-Policy reports as a violation.

/** Issue 14: a body (or a rejection's reason) is at most this many characters. */
export const COMMENT_BODY_MAX = 5000;
