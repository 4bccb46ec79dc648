import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PresentMode } from '@/components/present/present-mode';
import { PresentationEnded } from '@/components/present/presentation-ended';
import { getPresentedFlow } from '@/lib/db/flows/presented-flow';
import { presentationForGuest } from '@/lib/presenting/presentations';
import { presentDataFor } from '@/lib/presenting/present-view';

type Props = { params: Promise<{ token: string }> };


async function load(token: string) {
  const lookup = await presentationForGuest(token);
  if (lookup.state === 'unknown') notFound();
  if (lookup.state === 'ended') return null;
  const flow = await getPresentedFlow(lookup.presentation.flowId);
  if (!flow) notFound();
  return { presentation: lookup.presentation, flow };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await load((await params).token);
  const t = await getTranslations(loaded ? 'present' : 'present.ended');
  return { title: loaded ? t('title', { name: loaded.flow.name }) : t('title'), robots: { index: false } };
}

/**
 * A guest link: following one session without an account. It shows that session's flow version and
 * nothing else of the app; no cookie is set, and the token opens no other page or API.
 */
export default async function GuestPage({ params }: Props) {
  const { token } = await params;
  const loaded = await load(token);
  if (!loaded) return <PresentationEnded />;
  const { presentation, flow } = loaded;
  const data = await presentDataFor(flow, presentation.version);
  return (
    <PresentMode
      data={data}
      mode={{ kind: 'follower', code: presentation.code, eventsUrl: `/api/guest/${token}/events`, stepIndex: presentation.stepIndex, overview: presentation.overview, guest: true }}
    />
  );
}
