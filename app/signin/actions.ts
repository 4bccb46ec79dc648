'use server';

import { cookies } from 'next/headers';
import { getSessionUser } from '@/lib/auth/session';
import { findUserLocale } from '@/lib/db/users';
import { LOCALE_COOKIE, LOCALES } from '@/lib/i18n/config';

const ONE_YEAR = 60 * 60 * 24 * 365;

/**
 * Right after sign-in: a browser that has never chosen a language takes the one stored on the account,
 * so a person who works in English gets English on a new computer too. A choice made in this browser
 * (the cookie) always wins; it is what the person just saw and used.
 */
export async function adoptAccountLanguage(): Promise<void> {
  const jar = await cookies();
  if (jar.get(LOCALE_COOKIE)) return;
  const user = await getSessionUser();
  if (!user) return;
  const locale = await findUserLocale(user.id);
  if (locale && (LOCALES as readonly string[]).includes(locale)) {
    jar.set(LOCALE_COOKIE, locale, { path: '/', maxAge: ONE_YEAR, sameSite: 'lax' });
  }
}
