import { NextResponse } from 'next/server';
import { withComment } from '@/lib/api/comment-route';
import { parseJsonBody } from '@/lib/api/route';
import { deleteComment, updateComment } from '@/lib/comments/comment-service';
import { updateCommentSchema } from '@/lib/validation/comments';

/** `{status, reason?}` (resolve, reopen, accept, reject) or `{body}` (edit one's own). */
export const PATCH = withComment(async ({ flow, actor, commentId, req }) => {
  const input = await parseJsonBody(req, updateCommentSchema);
  return NextResponse.json(await updateComment(actor, flow, commentId, input));
});

/** Deletes one's own comment (a placeholder stays while the thread has replies). */
export const DELETE = withComment(async ({ flow, actor, commentId }) => {
  await deleteComment(actor, flow, commentId);
  return new Response(null, { status: 204 });
});
