import { NextResponse } from 'next/server';
import { attachmentDisposition, withFlow } from '@/lib/api/flow-route';
import { parseJsonBody } from '@/lib/api/route';
import { commentsCsvOf } from '@/lib/comments/comments-export';
import { createComment, listFlowComments } from '@/lib/comments/comment-service';
import { requestLocale } from '@/lib/i18n/config';
import { commentsQuerySchema, createCommentSchema } from '@/lib/validation/comments';
import { parseFlowInput } from '@/lib/validation/flows';

/** The flow's comment threads with their replies; ?format=csv for the workshop minutes. */
export const GET = withFlow('flow.view', async ({ flow, req }) => {
  const { format } = parseFlowInput(commentsQuerySchema, { format: new URL(req.url).searchParams.get('format') ?? undefined });
  const comments = await listFlowComments(flow);
  if (format === 'json') return NextResponse.json({ comments }, { headers: { 'Cache-Control': 'private, no-cache' } });
  const locale = requestLocale(req);
  return new Response(commentsCsvOf(comments, locale), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachmentDisposition(`${flow.name} ${locale === 'en' ? 'comments' : 'kommentarer'}`, 'csv'),
      'Cache-Control': 'private, no-cache',
    },
  });
});

/** A comment or suggestion: `{elementId, body, kind, proposal?}` → 201. Anyone who may view may comment. */
export const POST = withFlow('flow.view', async ({ flow, actor, req }) => {
  const input = await parseJsonBody(req, createCommentSchema);
  return NextResponse.json(await createComment(actor, flow, input), { status: 201 });
});
