import { getLocale, getTranslations } from 'next-intl/server';
import { cookies } from 'next/headers';
import { getSessionUser } from '@/lib/auth/session';
import { updateUserLocale } from '@/lib/db/users';
import { LOCALE_COOKIE, LOCALES } from '@/lib/i18n/config';
import { localeSchema } from '@/lib/validation/profile';

const ONE_YEAR = 60 * 60 * 24 * 365;

/** Sets the UI language for this browser and, when signed in, remembers it on the account. */
async function setLocale(formData: FormData) {
  'use server';
  const parsed = localeSchema.safeParse(formData.get('locale'));
  if (!parsed.success) return;
  (await cookies()).set(LOCALE_COOKIE, parsed.data, { path: '/', maxAge: ONE_YEAR, sameSite: 'lax' });
  try {
    const user = await getSessionUser();
    if (user) await updateUserLocale(user.id, parsed.data);
  } catch (e) {
    // The cookie already switched the language; the account setting can wait for the database.
    console.error('[language-switch] could not store the locale on the account', e);
  }
}

/** Svenska / English: the current language is shown as selected, the other is a button. */
export async function LanguageSwitch() {
  const current = await getLocale();
  const t = await getTranslations('common');
  return (
    <div role="group" aria-label={t('languageSwitch')} className="flex items-center rounded-md border border-white/40 text-sm">
      {LOCALES.map((locale) =>
        locale === current ? (
          <span key={locale} lang={locale} aria-current="true" className="rounded-md bg-white px-2.5 py-1 font-semibold text-brand">
            {t(`languageName.${locale}`)}
          </span>
        ) : (
          <form key={locale} action={setLocale}>
            <input type="hidden" name="locale" value={locale} />
            <button type="submit" lang={locale} className="rounded-md px-2.5 py-1 text-white hover:bg-white/15">
              {t(`languageName.${locale}`)}
            </button>
          </form>
        ),
      )}
    </div>
  );
}
