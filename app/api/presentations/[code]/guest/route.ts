import { withUser } from '@/lib/api/route';
import { revokeGuestLink } from '@/lib/presenting/presentations';

/** The presenter revokes the guest link alone; signed-in followers go on following. */
export const DELETE = withUser<{ code: string }>(async ({ actor, params }) => {
  await revokeGuestLink(actor, params.code);
  return new Response(null, { status: 204 });
});
