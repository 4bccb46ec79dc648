import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LandscapeBand } from '@/components/landscape/landscape-band';
import { LandscapeEntryForm } from '@/components/landscape/landscape-entry-form';
import { canOnOrganisation } from '@/lib/auth/policy';
import { requireSessionUser } from '@/lib/auth/session';
import { loadActor } from '@/lib/db/actors';
import { loadLandscape } from '@/lib/db/landscape';
import { getOrganisationForActor } from '@/lib/db/organisations';
import { BANDS } from '@/lib/domain/landscape';
import { idSchema } from '@/lib/validation/organisations';

type Props = { params: Promise<{ id: string }> };

async function load(id: string) {
  const user = await requireSessionUser(`/organisations/${id}/landscape`);
  const actor = await loadActor(user.id);
  if (!idSchema.safeParse(id).success || !canOnOrganisation(actor, id, 'organisation.view')) notFound();
  return { actor, organisation: await getOrganisationForActor(actor, id) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { organisation } = await load((await params).id);
  return { title: (await getTranslations('landscape'))('title', { name: organisation.name }) };
}

/** The organisation's process landscape: management, core and support processes, shared flows included. */
export default async function LandscapePage({ params }: Props) {
  const { id } = await params;
  const { actor, organisation } = await load(id);
  const t = await getTranslations('landscape');
  const bands = await loadLandscape(actor, id);
  const flows = BANDS.flatMap((b) => bands[b]).filter((p) => p.flowId).map((p) => ({ id: p.flowId!, name: p.name }));
  const coreProcesses = bands.CORE.map((p) => ({ id: p.id, name: p.name }));
  const manage = canOnOrganisation(actor, id, 'organisation.manageLandscape') ? { organisationId: id, flows, coreProcesses } : undefined;
  return (
    <main id="main" className="mx-auto w-full max-w-6xl px-4 py-6">
      <Link href={`/organisations/${id}`} className="text-brand underline">
        {t('backToOrganisation', { name: organisation.name })}
      </Link>
      <h1 className="mt-2 text-3xl font-bold">{t('title', { name: organisation.name })}</h1>
      <p className="mt-1 max-w-3xl text-muted">{t('intro')}</p>
      {BANDS.map((band) => (
        <LandscapeBand key={band} band={band} processes={bands[band]} manage={manage} />
      ))}
      {manage ? <LandscapeEntryForm {...manage} /> : null}
    </main>
  );
}
