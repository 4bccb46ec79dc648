import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { approvingOrganisations, canCreateFlows } from '@/lib/auth/policy';
import { countAwaitingApprovals } from '@/lib/db/flows/approvals';
import { getSessionUser } from '@/lib/auth/session';
import { getSessionClaims } from '@/lib/auth/session-claims';
import { loadActor } from '@/lib/db/actors';
import { countWaitingFor } from '@/lib/db/comments/waiting';
import { LanguageSwitch } from './language-switch';
import { SiteHeaderNav } from './site-header-nav';

type HeaderUser = { name: string; canCreateFlows: boolean; waiting: number };

/**
 * The signed-in user for the header and whether they may create flows (policy decides, so a viewer is
 * not offered "Nytt flöde" and "Importera" only to be refused). When the database is down, what the
 * cookie says, so the page can still explain, and nothing that needs the database.
 */
async function headerUser(): Promise<HeaderUser | null> {
  try {
    const user = await getSessionUser();
    if (!user) return null;
    const actor = await loadActor(user.id);
    // What waits for me: suggestions and mentions (issue 14), and versions waiting for my approval (issue 15).
    const approvers = approvingOrganisations(actor, actor.memberships.map((m) => m.organisationId));
    const [comments, approvals] = await Promise.all([countWaitingFor(actor), countAwaitingApprovals(approvers)]);
    return { name: user.name, canCreateFlows: canCreateFlows(actor), waiting: comments + approvals };
  } catch {
    const claims = await getSessionClaims().catch(() => null);
    return claims && { name: claims.name, canCreateFlows: false, waiting: 0 };
  }
}

export async function SiteHeader() {
  const [t, tw, user] = await Promise.all([getTranslations('common'), getTranslations('comments.waiting'), headerUser()]);
  const items = [
    { href: '/', label: t('nav.home') },
    ...(user?.canCreateFlows
      ? [
          { href: '/flows/new', label: t('nav.newFlow') },
          { href: '/flows/import', label: t('nav.import') },
        ]
      : []),
    { href: '/profile', label: t('nav.profile') },
  ];
  // data-surface="brand": focus rings on the header's own colour are white (globals.css).
  return (
    <header data-surface="brand" className="bg-brand text-white shadow-sm">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" aria-label={t('homeLinkLabel')} className="flex items-center gap-2 rounded-md text-xl font-bold tracking-tight text-white">
          <span aria-hidden="true" className="inline-block h-3 w-6 rounded-full bg-white/90" />
          {t('appName')}
        </Link>
        {user ? <SiteHeaderNav items={items} label={t('mainNav')} /> : null}
        <div className="ml-auto flex flex-wrap items-center gap-3">
          {user ? (
            <>
              {/* On a phone the header would take a fifth of the screen: the name waits for a wider one. */}
              <span className="hidden text-sm text-white/90 sm:inline">{t('signedInAs', { name: user.name })}</span>
              {/* What waits for me (issue 14): suggestions to decide and mentions, listed on the home page. */}
              <Link href="/#waiting" className="rounded-md px-2 py-1 text-sm font-medium text-white underline underline-offset-4 hover:bg-white/15">
                {tw('headerLink')}{' '}
                <span data-testid="waiting-count" className="ml-1 inline-block min-w-5 rounded-full bg-white px-1.5 text-center font-bold text-brand">
                  {user.waiting}
                </span>
              </Link>
              <Link href="/signout" className="rounded-md px-2 py-1 text-sm font-medium text-white underline underline-offset-4 hover:bg-white/15">
                {t('signOut')}
              </Link>
            </>
          ) : (
            <Link href="/signin" className="rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-brand hover:bg-blue-50">
              {t('signIn')}
            </Link>
          )}
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}
