import { NAMESPACES, type Locale } from './config';

type Messages = Record<string, unknown>;

/** All messages of one locale, keyed by namespace (e.g. t('auth.signIn')). */
export async function loadMessages(locale: Locale): Promise<Messages> {
  const entries = await Promise.all(
    NAMESPACES.map(async (ns) => [ns, (await import(`./messages/${locale}/${ns}.json`)).default] as const),
  );
  return Object.fromEntries(entries);
}
