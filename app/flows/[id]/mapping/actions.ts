'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { requireSessionUser } from '@/lib/auth/session';
import { loadActor } from '@/lib/db/actors';
import { mapFlowOrganisations } from '@/lib/db/flows/map-flow-organisations';
import { isAppError } from '@/lib/errors';
import { refusalMessage, refusalOf } from '@/lib/i18n/refusal-message';
import { mappingFormInput, mappingFormSchema } from '@/lib/validation/flow-forms';
import type { MappingState } from '@/components/flows/form-state';

/** "Koppla pooler och simbanor": one new revision through mapFlowOrganisations (which asks policy for flow.edit). */
export async function mapFlowAction(flowId: string, _prev: MappingState, form: FormData): Promise<MappingState> {
  const path = `/flows/${flowId}/mapping`;
  const user = await requireSessionUser(path);
  const actor = await loadActor(user.id);
  const t = await getTranslations('flow');
  const parsed = mappingFormSchema.safeParse(mappingFormInput(form));
  if (!parsed.success) return { status: 'error', fieldErrors: {}, formError: t('validation.invalid') };
  const { baseVersion, participants, lanes, keepNames } = parsed.data;
  try {
    const saved = await mapFlowOrganisations(actor, flowId, { participants, lanes, keepNames }, baseVersion);
    revalidatePath(path);
    return { status: 'saved', version: saved.version };
  } catch (e) {
    if (!isAppError(e)) throw e;
    if (e.code === 'CONFLICT') return { status: 'error', fieldErrors: {}, formError: t('mapping.conflict') };
    const reason = refusalMessage(await getTranslations('errors'), refusalOf(e));
    return { status: 'error', fieldErrors: {}, formError: t('mapping.failed', { reason }) };
  }
}
