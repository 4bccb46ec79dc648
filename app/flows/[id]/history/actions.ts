'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requireSessionUser } from '@/lib/auth/session';
import { loadActor } from '@/lib/db/actors';
import { restoreRevision } from '@/lib/db/flows/restore-revision';
import { isAppError } from '@/lib/errors';
import { restoreRevisionSchema } from '@/lib/validation/flows';

const formSchema = restoreRevisionSchema.extend({
  flowId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  version: z.coerce.number().int().min(1),
  baseVersion: z.coerce.number().int().min(1),
});

/** "Återställ": the old revision becomes a new one on top of the head the user saw (stale head → conflict). */
export async function restoreRevisionAction(form: FormData): Promise<void> {
  const parsed = formSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) redirect('/');
  const { flowId, version, baseVersion } = parsed.data;
  const history = `/flows/${flowId}/history`;
  const user = await requireSessionUser(history);
  const actor = await loadActor(user.id);
  let restored: number;
  try {
    // restoreRevision asks policy for flow.edit itself (404 out of reach, 403 view-only).
    restored = (await restoreRevision(actor, flowId, version, baseVersion)).version;
  } catch (e) {
    if (!isAppError(e)) throw e;
    const reason = e.code === 'CONFLICT' ? 'conflict' : e.code === 'FORBIDDEN' ? 'notAllowed' : 'failed';
    redirect(`${history}?restoreError=${reason}`);
  }
  redirect(`${history}?restored=${version}&as=${restored}`);
}
