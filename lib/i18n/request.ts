import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { LOCALE_COOKIE, toLocale } from './config';
import { loadMessages } from './messages';

// Swedish first, no locale in URLs: the language comes from the user's choice (a cookie).
export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: await loadMessages(locale), timeZone: 'Europe/Stockholm' };
});
