import { NextResponse } from 'next/server';
import { withFlow } from '@/lib/api/flow-route';
import { followFlow, isFollowing, unfollowFlow } from '@/lib/db/follows';

/** `{"following": boolean}`: whether the caller follows the flow. */
export const GET = withFlow('flow.view', async ({ flow, actor }) => {
  return NextResponse.json({ following: await isFollowing(actor.userId, flow.id) }, { headers: { 'Cache-Control': 'private, no-cache' } });
});

/** Follow the flow → 204: the home page tells of changes others make from now on. Following twice is following. */
export const PUT = withFlow('flow.view', async ({ flow, actor }) => {
  await followFlow(actor.userId, flow.id);
  return new NextResponse(null, { status: 204 });
});

/** Stop following → 204 (also when not following). */
export const DELETE = withFlow('flow.view', async ({ flow, actor }) => {
  await unfollowFlow(actor.userId, flow.id);
  return new NextResponse(null, { status: 204 });
});
