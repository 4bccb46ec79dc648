'use server';

import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireSessionUser } from '@/lib/auth/session';
import { organisationsWhere } from '@/lib/auth/policy';
import { loadActor } from '@/lib/db/actors';
import { createFlow } from '@/lib/db/flows/create-flow';
import { isAppError } from '@/lib/errors';
import { createFlowSchema } from '@/lib/validation/flows';
import { fieldErrorsOf, newFlowFormInput, newFlowFormSchema } from '@/lib/validation/flow-forms';
import type { FormState } from '@/components/flows/form-state';

/** "Nytt delat flöde": validates the form, re-checks session and policy, creates through the same lib function as POST /api/flows. */
export async function createFlowAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireSessionUser('/flows/new');
  const actor = await loadActor(user.id);
  const t = await getTranslations('flow');
  const tr = (key: string) => (t.has(key as never) ? t(key as never) : t('validation.invalid'));

  const parsed = newFlowFormSchema.safeParse(newFlowFormInput(form));
  if (!parsed.success) {
    const errors = fieldErrorsOf(parsed.error);
    return { status: 'error', fieldErrors: Object.fromEntries(Object.entries(errors).map(([f, m]) => [f, tr(m)])) };
  }
  const data = parsed.data;
  if (!organisationsWhere(actor, 'flow.create').includes(data.ownerOrganisationId)) {
    return { status: 'error', fieldErrors: { ownerOrganisationId: t('validation.ownerNotAllowed') } };
  }
  // Roles of organisations that were ticked and then unticked are not in the form; any left are ignored.
  const roles = Object.fromEntries(data.organisationIds.map((orgId) => [orgId, [...new Set(data.roles[orgId] ?? [])]]));
  const input = createFlowSchema.parse({
    name: data.name,
    purpose: data.purpose,
    category: data.category,
    organisations: data.organisationIds,
    roles,
    ownerOrganisationId: data.ownerOrganisationId,
  });

  let flowId: string;
  try {
    flowId = (await createFlow(actor, input)).id;
  } catch (e) {
    if (isAppError(e) && e.code === 'FORBIDDEN') {
      return { status: 'error', fieldErrors: { ownerOrganisationId: t('validation.ownerNotAllowed') } };
    }
    if (isAppError(e) && (e.code === 'INVALID' || e.code === 'NOT_FOUND')) {
      return { status: 'error', fieldErrors: {}, formError: t('validation.unknownRole') };
    }
    throw e;
  }
  redirect(`/flows/${flowId}`);
}
