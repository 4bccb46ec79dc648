'use server';

import { getTranslations } from 'next-intl/server';
import { requireSessionUser } from '@/lib/auth/session';
import { organisationsWhere } from '@/lib/auth/policy';
import { loadActor } from '@/lib/db/actors';
import { createFlowFromBpmn } from '@/lib/db/flows/create-flow-from-bpmn';
import { getFlowForActor } from '@/lib/db/flows/get-flow';
import type { ImportWarning } from '@/lib/db/flows/organisation-links';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { refusalMessage, refusalOf } from '@/lib/i18n/refusal-message';
import { fieldErrorsOf, importFlowFormSchema } from '@/lib/validation/flow-forms';
import type { ImportState, ImportedWarning } from '@/components/flows/form-state';

const megabytes = () => Math.round((env.BPMN_MAX_BYTES / 1024 / 1024) * 10) / 10;

/** "Importera BPMN-fil": the lenient import, through the same lib function as POST /api/flows with XML. */
export async function importFlowAction(_prev: ImportState, form: FormData): Promise<ImportState> {
  const user = await requireSessionUser('/flows/import');
  const actor = await loadActor(user.id);
  const t = await getTranslations('flow');

  const parsed = importFlowFormSchema.safeParse({
    name: String(form.get('name') ?? ''),
    ownerOrganisationId: String(form.get('ownerOrganisationId') ?? ''),
  });
  const fieldErrors: Record<string, string> = {};
  if (!parsed.success) {
    for (const [field, key] of Object.entries(fieldErrorsOf(parsed.error))) fieldErrors[field] = t(key as never);
  }
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) fieldErrors.file = t('validation.fileRequired');
  else if (file.size > env.BPMN_MAX_BYTES) fieldErrors.file = t('import.tooLarge', { megabytes: megabytes() });
  if (!parsed.success || !(file instanceof File) || Object.keys(fieldErrors).length > 0) {
    return { status: 'error', fieldErrors };
  }
  if (!organisationsWhere(actor, 'flow.create').includes(parsed.data.ownerOrganisationId)) {
    return { status: 'error', fieldErrors: { ownerOrganisationId: t('import.notAllowed') } };
  }

  try {
    const xml = await file.text();
    const created = await createFlowFromBpmn(actor, xml, {
      name: parsed.data.name || undefined,
      ownerOrganisationId: parsed.data.ownerOrganisationId,
    });
    const flow = await getFlowForActor(actor, created.id, 'flow.view');
    const warnings = created.warnings.map((w) => describeWarning(w, t));
    return {
      status: 'imported',
      id: created.id,
      name: flow.name,
      version: created.version,
      warnings,
      noDiagram: created.warnings.some((w) => w.code === 'NO_DIAGRAM'),
    };
  } catch (e) {
    if (!isAppError(e)) throw e;
    if (e.code === 'PAYLOAD_TOO_LARGE') return { status: 'error', fieldErrors: { file: t('import.tooLarge', { megabytes: megabytes() }) } };
    if (e.code === 'INVALID') {
      // Each reason's sentence already says what is wrong with the file, in the UI language.
      return { status: 'error', fieldErrors: { file: refusalMessage(await getTranslations('errors'), refusalOf(e)) } };
    }
    if (e.code === 'FORBIDDEN') return { status: 'error', fieldErrors: { ownerOrganisationId: t('import.notAllowed') } };
    throw e;
  }
}

type Translate = Awaited<ReturnType<typeof getTranslations<'flow'>>>;

function describeWarning(w: ImportWarning, t: Translate): ImportedWarning {
  const key = `import.warningCodes.${w.code}`;
  const text = t.has(key as never) ? t(key as never) : t('import.warningCodes.other');
  return { code: w.code, text, element: w.elementId };
}
