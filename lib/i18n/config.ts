export const LOCALES = ['sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'sv';
/** Cookie holding the chosen UI language; set from the profile and the language switch. */
export const LOCALE_COOKIE = 'NEXT_LOCALE';

/** Message files, one per screen area, so each area keeps its own strings. */
export const NAMESPACES = [
  'common',
  'auth',
  'home',
  'organisation',
  'profile',
  'flow',
  'editor',
  'history',
  'responsibility',
  'comments',
  'errors',
  'present',
  'approval',
  'landscape',
] as const;

export function toLocale(value: string | undefined | null): Locale {
  return (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : DEFAULT_LOCALE;
}

/** The UI language of a plain Request (route handlers that answer files, tests): the cookie, else Swedish. */
export function requestLocale(req: Request): Locale {
  const cookie = req.headers.get('cookie') ?? '';
  const match = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`).exec(cookie);
  return toLocale(match?.[1]);
}
