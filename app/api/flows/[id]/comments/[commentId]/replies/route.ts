import { NextResponse } from 'next/server';
import { withComment } from '@/lib/api/comment-route';
import { parseJsonBody } from '@/lib/api/route';
import { replyToComment } from '@/lib/comments/comment-service';
import { replySchema } from '@/lib/validation/comments';

/** A reply in the thread: `{body}` → 201. */
export const POST = withComment(async ({ flow, actor, commentId, req }) => {
  const { body } = await parseJsonBody(req, replySchema);
  return NextResponse.json(await replyToComment(actor, flow, commentId, body), { status: 201 });
});
