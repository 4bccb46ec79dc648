import { NextResponse } from 'next/server';
import { withUser } from '@/lib/api/route';
import { listOrganisationsForActor } from '@/lib/db/organisations';

/** The caller's organisations with their own access in each. */
export const GET = withUser(async ({ actor }) => {
  return NextResponse.json({ organisations: await listOrganisationsForActor(actor) });
});
