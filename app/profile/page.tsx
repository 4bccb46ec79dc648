import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { CreateTokenForm } from '@/components/profile/create-token-form';
import { ProfileForm } from '@/components/profile/profile-form';
import { SignOutEverywhereForm } from '@/components/profile/sign-out-everywhere-form';
import { TokenTable } from '@/components/profile/token-table';
import { requireSessionUser } from '@/lib/auth/session';
import { listApiTokens } from '@/lib/db/api-tokens';
import { getUserProfile } from '@/lib/db/users';
import { createTokenAction, signOutEverywhereAction, updateProfileAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('profile');
  return { title: t('title') };
}

const card = 'rounded-xl border border-gray-200 bg-white p-6 shadow-sm';

export default async function ProfilePage() {
  const user = await requireSessionUser('/profile');
  const [profile, tokens, t] = await Promise.all([getUserProfile(user.id), listApiTokens(user.id), getTranslations('profile')]);
  if (!profile) notFound();
  return (
    <main id="main" className="mx-auto w-full max-w-4xl flex-1 space-y-8 px-4 py-8">
      <h1 className="text-3xl font-semibold">{t('heading')}</h1>

      <section aria-labelledby="details-heading" className={card}>
        <h2 id="details-heading" className="mb-4 text-xl font-semibold">
          {t('details')}
        </h2>
        <ProfileForm name={profile.name} email={profile.email} locale={profile.locale} action={updateProfileAction} />
      </section>

      <section aria-labelledby="orgs-heading" className={card}>
        <h2 id="orgs-heading" className="mb-4 text-xl font-semibold">
          {t('organisations')}
        </h2>
        {profile.organisations.length === 0 ? (
          <p className="text-muted">{t('noOrganisations')}</p>
        ) : (
          <ul className="divide-y divide-gray-200">
            {profile.organisations.map((org) => (
              <li key={org.id} className="flex justify-between py-2">
                <span>{org.name}</span>
                <span className="text-muted">{t(`access.${org.access}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="tokens-heading" className={`${card} space-y-6`}>
        <div>
          <h2 id="tokens-heading" className="text-xl font-semibold">
            {t('tokens.heading')}
          </h2>
          <p className="mt-2 max-w-prose text-muted">
            {t.rich('tokens.intro', { code: (chunks) => <code className="rounded bg-gray-100 px-1 font-mono text-sm text-ink">{chunks}</code> })}
          </p>
        </div>
        <div>
          <h3 className="mb-2 text-lg font-semibold">{t('tokens.createHeading')}</h3>
          <CreateTokenForm action={createTokenAction} />
        </div>
        <div>
          <h3 className="mb-2 text-lg font-semibold">{t('tokens.listHeading')}</h3>
          <TokenTable tokens={tokens} />
        </div>
      </section>

      <section aria-labelledby="sessions-heading" className={card}>
        <h2 id="sessions-heading" className="text-xl font-semibold">
          {t('sessions.heading')}
        </h2>
        <p className="mt-2 mb-4 max-w-prose text-muted">{t('sessions.intro')}</p>
        <SignOutEverywhereForm action={signOutEverywhereAction} />
      </section>
    </main>
  );
}
