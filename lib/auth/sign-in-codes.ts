// Error codes next-auth carries from the server's authorize() to the sign-in page (as `?error=`).
// Shared by server and browser, so this file imports nothing.

/** Throttled: "SignInLocked:<minutes until the next attempt may succeed>". */
export const LOCKED_ERROR_PREFIX = 'SignInLocked:';
/** The database or hashing failed: the page says "try again in a moment". */
export const SIGN_IN_UNAVAILABLE = 'SignInUnavailable';
/** next-auth's own code for authorize() returning null. */
export const CREDENTIALS_ERROR = 'CredentialsSignin';
/** Single sign-on whose provider does not vouch for the e-mail address (email_verified is not true). */
export const SSO_EMAIL_NOT_VERIFIED = 'SsoEmailNotVerified';
