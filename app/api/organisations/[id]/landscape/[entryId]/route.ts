import { NextResponse } from 'next/server';
import { parseJsonBody, withUser } from '@/lib/api/route';
import { removeLandscapeEntry, updateLandscapeEntry } from '@/lib/db/landscape';
import { landscapeEntrySchema } from '@/lib/validation/landscape';

/** The whole entry again, as POST takes it → 200 `{id}` (admins); 404 for an entry of another organisation. */
export const PUT = withUser<{ id: string; entryId: string }>(async ({ actor, params, req }) => {
  const input = await parseJsonBody(req, landscapeEntrySchema);
  return NextResponse.json(await updateLandscapeEntry(actor, params.id, params.entryId, input));
});

/** Removes the entry → 204 (admins); a flow it described stays, as the flow itself says. */
export const DELETE = withUser<{ id: string; entryId: string }>(async ({ actor, params }) => {
  await removeLandscapeEntry(actor, params.id, params.entryId);
  return new NextResponse(null, { status: 204 });
});
