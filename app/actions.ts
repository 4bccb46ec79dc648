'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireSessionUser } from '@/lib/auth/session';
import { markNoticeSeen } from '@/lib/db/comments/waiting';

const noticeSchema = z.object({ noticeId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

/** "Markera som läst" on the home page's list of what waits for me: only one's own notices. */
export async function markNoticeSeenAction(formData: FormData): Promise<void> {
  const user = await requireSessionUser('/');
  const parsed = noticeSchema.safeParse({ noticeId: formData.get('noticeId') });
  if (!parsed.success) return;
  await markNoticeSeen(user.id, parsed.data.noticeId);
  revalidatePath('/');
}
