import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PresentationEnded } from '@/components/present/presentation-ended';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('present.ended');
  return { title: t('title'), robots: { index: false } };
}

/** Where the proxy sends an ended session's follow and guest links, answering 410 Gone. */
export default function PresentationEndedPage() {
  return <PresentationEnded />;
}
