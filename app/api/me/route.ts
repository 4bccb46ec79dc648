import { NextResponse } from 'next/server';
import { withUser } from '@/lib/api/route';
import { getUserProfile } from '@/lib/db/users';
import { AppError } from '@/lib/errors';

/** The caller: who they are and their access in each organisation. Cookie or Bearer token. */
export const GET = withUser(async ({ user }) => {
  const profile = await getUserProfile(user.id);
  if (!profile) throw new AppError('UNAUTHENTICATED', 'The account no longer exists.');
  return NextResponse.json(profile);
});
