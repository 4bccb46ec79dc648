import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { getSessionUser } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('signOutTitle') };
}

export default async function SignOutPage() {
  const user = await getSessionUser();
  const t = await getTranslations('auth');
  return (
    <main id="main" className="flex flex-1 items-start justify-center px-4 py-12 sm:py-20">
      <div className="w-full max-w-md rounded-xl border border-gray-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold text-ink">{t('signOutTitle')}</h1>
        {user ? (
          <>
            <p className="mt-2 mb-6 text-muted">{t('signOutIntro', { name: user.name })}</p>
            <div className="flex flex-wrap items-center gap-4">
              <SignOutButton />
              <Link href="/" className="text-brand underline underline-offset-2 hover:text-brand-dark">
                {t('cancel')}
              </Link>
            </div>
          </>
        ) : (
          <>
            <p className="mt-2 mb-6 text-muted">{t('signedOut')}</p>
            <Link href="/signin" className="inline-block rounded-md bg-brand px-4 py-2.5 font-semibold text-white hover:bg-brand-dark">
              {t('signInAgain')}
            </Link>
          </>
        )}
      </div>
    </main>
  );
}
