import { withUser, type RouteContext } from '@/lib/api/route';
import { getFlowForActor, type FlowDetail } from '@/lib/db/flows/get-flow';

export type CommentParams = { id: string; commentId: string };
export type CommentRouteContext = RouteContext<CommentParams> & { flow: FlowDetail; commentId: string };

/**
 * withFlow('flow.view') for a comment's routes: whoever may view the flow reaches its comments (404
 * otherwise); what they may do to one is policy's decision in lib/comments. The comment itself is
 * looked up after the body is read, so a bad body is refused (415, 400) before the comment is sought.
 */
export function withComment(handler: (ctx: CommentRouteContext) => Promise<Response>) {
  return withUser<CommentParams>(async (ctx) => {
    const flow = await getFlowForActor(ctx.actor, ctx.params.id, 'flow.view');
    return handler({ ...ctx, flow, commentId: ctx.params.commentId });
  });
}
