import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { approvingOrganisations, canCreateFlows } from '@/lib/auth/policy';
import { AwaitingApprovals } from '@/components/approval/awaiting-approvals';
import { listAwaitingApprovals } from '@/lib/db/flows/approvals';
import { requireSessionUser } from '@/lib/auth/session';
import { loadActor } from '@/lib/db/actors';
import { listFlowsPageForActor } from '@/lib/db/flows/list-flows';
import { listOrganisationsForActor } from '@/lib/db/organisations';
import { MyOrganisations } from '@/components/home/my-organisations';
import { SharedFlows } from '@/components/home/shared-flows';
import { WaitingForMe } from '@/components/home/waiting-for-me';
import { FollowedUpdates } from '@/components/home/followed-updates';
import { listFollowedUpdates } from '@/lib/db/follows';
import { listWaitingFor } from '@/lib/db/comments/waiting';
import { parseFlowListParams } from '@/lib/validation/list-query';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('home');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HomePage({ searchParams }: Props) {
  const user = await requireSessionUser('/');
  const actor = await loadActor(user.id);
  const query = parseFlowListParams(await searchParams);
  const approvers = approvingOrganisations(actor, actor.memberships.map((m) => m.organisationId));
  const [organisations, flows, waiting, awaiting, followed] = await Promise.all([
    listOrganisationsForActor(actor),
    listFlowsPageForActor(actor, query),
    listWaitingFor(actor),
    listAwaitingApprovals(approvers),
    listFollowedUpdates(actor),
  ]);
  const t = await getTranslations('home');
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-3xl font-bold">{t('heading', { name: user.name })}</h1>
      <p className="mt-1 text-muted">{t('intro')}</p>
      <WaitingForMe items={waiting} />
      <AwaitingApprovals items={awaiting} />
      <FollowedUpdates items={followed} />
      <MyOrganisations organisations={organisations} />
      <SharedFlows result={flows} query={query} organisations={organisations} canCreate={canCreateFlows(actor)} />
    </main>
  );
}
