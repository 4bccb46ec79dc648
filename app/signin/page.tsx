import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { OIDC_PROVIDER_ID } from '@/lib/auth/options';
import { getSessionUser } from '@/lib/auth/session';
import { env, oidcEnabled } from '@/lib/env';
import { safeCallbackPath } from '@/lib/validation/auth';

type Props = { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth');
  return { title: t('signInTitle') };
}

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  // With the database down the form still shows; signing in then says "try again in a moment".
  const signedIn = await getSessionUser().catch(() => null);
  if (signedIn) redirect(callbackUrl);
  const t = await getTranslations('auth');
  return (
    <main id="main" className="flex flex-1 items-start justify-center px-4 py-12 sm:py-20">
      <div className="w-full max-w-md rounded-xl border border-gray-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold text-ink">{t('signInTitle')}</h1>
        <p className="mt-2 mb-6 text-muted">{t('signInIntro')}</p>
        <SignInForm
          callbackUrl={callbackUrl}
          initialError={first(params.error) ?? null}
          oidcName={oidcEnabled ? env.OIDC_NAME : null}
          oidcProviderId={OIDC_PROVIDER_ID}
        />
      </div>
    </main>
  );
}
