import { findAuthorEmail, type CommentRow, type FlowPerson } from '@/lib/db/comments/comments';
import type { FlowDetail } from '@/lib/db/flows/get-flow';
import { mentionedIn } from '@/lib/domain/comments/mentions';
import { env } from '@/lib/env';
import { mailEnabled, sendMail } from '@/lib/mail';

// E-mail only when SMTP is configured; the app's own list ("what waits for me") is always there.
// Plain text mails in Swedish, the UI's default language. Never awaited by the request: a slow or
// failing mail server must not fail the comment.

function flowLink(flow: FlowDetail, elementId: string | null): string {
  const base = env.NEXTAUTH_URL ?? '';
  return `${base}/flows/${flow.id}${elementId ? `?element=${encodeURIComponent(elementId)}` : ''}`;
}

export async function mailMentions(flow: FlowDetail, row: CommentRow, people: readonly FlowPerson[]): Promise<void> {
  if (!mailEnabled()) return;
  const ids = new Set(mentionedIn(row.body, people).filter((id) => id !== row.authorId));
  for (const person of people.filter((p) => ids.has(p.id))) {
    await sendMail({
      to: person.email,
      subject: `${row.authorName} nämnde dig i ”${flow.name}”`,
      text: `${row.authorName} skrev:\n\n${row.body}\n\n${flowLink(flow, row.elementId)}\n`,
    });
  }
}

export async function mailDecision(flow: FlowDetail, row: CommentRow): Promise<void> {
  if (!mailEnabled()) return;
  const email = await findAuthorEmail(row.authorId);
  if (!email) return;
  const verdict = row.status === 'ACCEPTED' ? 'accepterades' : 'avböjdes';
  await sendMail({
    to: email,
    subject: `Ditt förslag i ”${flow.name}” ${verdict}`,
    text: `Ditt förslag ${verdict}.\n\n${row.body}${row.reason ? `\n\nSkäl: ${row.reason}` : ''}\n\n${flowLink(flow, row.elementId)}\n`,
  });
}
