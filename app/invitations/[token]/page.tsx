import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getSessionUser } from '@/lib/auth/session';
import { findInvitation, type InvitationStatus } from '@/lib/db/invitations';
import { invitationTokenSchema } from '@/lib/validation/organisations';
import { AcceptInvitationForm, CreateAccountForm } from '@/components/organisation/accept-invitation';
import { acceptAsNewUserAction, acceptInvitationAction } from './actions';

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('organisation.invitation');
  return { title: t('title'), referrer: 'no-referrer' };
}

const STATUS_MESSAGE: Record<Exclude<InvitationStatus, 'valid'> | 'unknown', string> = {
  unknown: 'unknown',
  expired: 'expired',
  accepted: 'used',
  revoked: 'revoked',
};

/** Reachable signed out: the link itself is the proof of the invitation. */
export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const t = await getTranslations('organisation');
  const format = await getFormatter();
  const invitation = invitationTokenSchema.safeParse(token).success ? await findInvitation(token) : null;
  const status = invitation?.status ?? 'unknown';

  if (!invitation || status !== 'valid') {
    return (
      <main id="main" className="mx-auto max-w-2xl px-4 py-8">
        <h1 className="text-3xl font-bold">{t('invitation.title')}</h1>
        <p role="alert" className="mt-4 rounded border border-danger p-4">
          {t(`invitation.${STATUS_MESSAGE[status as keyof typeof STATUS_MESSAGE]}`)}
        </p>
        <p className="mt-4">
          <Link href={status === 'accepted' ? '/signin' : '/'} className="text-brand underline">
            {status === 'accepted' ? t('invitation.signIn') : t('invitation.home')}
          </Link>
        </p>
      </main>
    );
  }

  const user = await getSessionUser();
  const organisation = invitation.organisation.name;
  const sameEmail = user && user.email.toLowerCase() === invitation.email.toLowerCase();
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-8">
      <h1 className="text-3xl font-bold">{t('invitation.heading', { organisation })}</h1>
      <p className="mt-4">
        {t('invitation.summary', {
          organisation,
          kind: t(`kind.${invitation.organisation.kind}`).toLowerCase(),
          access: t(`access.${invitation.access}`).toLowerCase(),
          email: invitation.email,
        })}
      </p>
      <p className="text-muted">{t('invitation.expiresAt', { date: format.dateTime(invitation.expiresAt, { dateStyle: 'long' }) })}</p>
      {user && sameEmail && <AcceptInvitationForm token={token} organisationName={organisation} action={acceptInvitationAction} />}
      {user && !sameEmail && (
        <p role="alert" className="mt-6 rounded border border-danger p-4">
          {t('invitation.otherAccount', { email: user.email, invited: invitation.email })}
        </p>
      )}
      {/* Signed out, the page is the same whether or not the address has an account (no enumeration):
          both ways in are offered, and only signing in or creating the account tells them apart. */}
      {!user && (
        <>
          <p className="mt-6">
            {t('invitation.signInToAccept', { email: invitation.email })}{' '}
            <Link href={`/signin?callbackUrl=${encodeURIComponent(`/invitations/${token}`)}`} className="font-medium text-brand underline">
              {t('invitation.signIn')}
            </Link>
          </p>
          <CreateAccountForm token={token} email={invitation.email} action={acceptAsNewUserAction} />
        </>
      )}
    </main>
  );
}
