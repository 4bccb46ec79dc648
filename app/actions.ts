'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireSessionUser } from '@/lib/auth/session';
import { markNoticeSeen } from '@/lib/db/comments/waiting';
import { markFlowSeen } from '@/lib/db/follows';

const noticeSchema = z.object({ noticeId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

/** "Markera som läst" on the home page's list of what waits for me: only one's own notices. */
export async function markNoticeSeenAction(formData: FormData): Promise<void> {
  const user = await requireSessionUser('/');
  const parsed = noticeSchema.safeParse({ noticeId: formData.get('noticeId') });
  if (!parsed.success) return;
  await markNoticeSeen(user.id, parsed.data.noticeId);
  revalidatePath('/');
}

const flowSchema = z.object({ flowId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

/** "Markera som läst" on a followed flow's news: what happened up to its head now is no longer news. */
export async function markFollowedSeenAction(formData: FormData): Promise<void> {
  const user = await requireSessionUser('/');
  const parsed = flowSchema.safeParse({ flowId: formData.get('flowId') });
  if (!parsed.success) return;
  await markFlowSeen(user.id, parsed.data.flowId);
  revalidatePath('/');
}
