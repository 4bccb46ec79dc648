import { withUser, type RouteContext } from '@/lib/api/route';
import { getFlowForActor, type FlowDetail } from '@/lib/db/flows/get-flow';
import { AppError } from '@/lib/errors';
import { COMMENT_ID } from '@/lib/validation/comments';

export type CommentParams = { id: string; commentId: string };
export type CommentRouteContext = RouteContext<CommentParams> & { flow: FlowDetail; commentId: string };

/**
 * withFlow('flow.view') for a comment's routes: whoever may view the flow reaches its comments (404
 * otherwise); what they may do to one is policy's decision in lib/comments.
 */
export function withComment(handler: (ctx: CommentRouteContext) => Promise<Response>) {
  return withUser<CommentParams>(async (ctx) => {
    const flow = await getFlowForActor(ctx.actor, ctx.params.id, 'flow.view');
    if (!COMMENT_ID.test(ctx.params.commentId)) throw new AppError('NOT_FOUND', 'No such comment in this flow.');
    return handler({ ...ctx, flow, commentId: ctx.params.commentId });
  });
}
