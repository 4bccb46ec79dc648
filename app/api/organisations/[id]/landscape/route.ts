import { NextResponse } from 'next/server';
import { parseJsonBody, withUser } from '@/lib/api/route';
import { addLandscapeEntry, loadLandscape } from '@/lib/db/landscape';
import { landscapeEntrySchema } from '@/lib/validation/landscape';

/** `{MANAGEMENT, CORE, SUPPORT}`: the organisation's processes per band, shared flows marked. */
export const GET = withUser<{ id: string }>(async ({ actor, params }) => {
  return NextResponse.json({ bands: await loadLandscape(actor, params.id) }, { headers: { 'Cache-Control': 'private, no-cache' } });
});

/** An entry `{name, category, purpose?, customer?, valueDelivered?, legalBasis?, processOwner?, flowId?, serves?}` → 201 `{id}` (admins). */
export const POST = withUser<{ id: string }>(async ({ actor, params, req }) => {
  const input = await parseJsonBody(req, landscapeEntrySchema);
  return NextResponse.json(await addLandscapeEntry(actor, params.id, input), { status: 201 });
});
