import type { Access, OrganisationKind } from './generated/client';
import { db } from './client';

export type SignInCandidate = { id: string; email: string; name: string; passwordHash: string | null; disabled: boolean };

export type UserProfile = {
  id: string;
  email: string;
  name: string;
  locale: string;
  organisations: { id: string; name: string; kind: OrganisationKind; access: Access }[];
};

/** Emails are stored and compared in lower case, so "Anna@Kommun.se" and "anna@kommun.se" are one account. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserForSignIn(email: string): Promise<SignInCandidate | null> {
  const user = await db.user.findUnique({
    where: { email: normaliseEmail(email) },
    select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true },
  });
  if (!user) return null;
  return { id: user.id, email: user.email, name: user.name, passwordHash: user.passwordHash, disabled: Boolean(user.disabledAt) };
}

/**
 * Single sign-on: the identity provider vouches for the email, so the account is found by it or
 * created (without a password). Returns null for a disabled account, which must not sign in.
 */
export async function upsertSsoUser(input: { email: string; name?: string | null }): Promise<{ id: string } | null> {
  const email = normaliseEmail(input.email);
  const user = await db.user.upsert({
    where: { email },
    update: {},
    create: { email, name: input.name?.trim() || email.split('@')[0]! },
    select: { id: true, disabledAt: true },
  });
  return user.disabledAt ? null : { id: user.id };
}

export async function findUserIdByEmail(email: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { email: normaliseEmail(email) }, select: { id: true } });
  return user?.id ?? null;
}

/** For scripts and tests: a password account. The caller hashes the password (lib/auth/password). */
export async function createUser(input: { email: string; name: string; passwordHash: string; locale?: string }): Promise<{ id: string }> {
  return db.user.create({
    data: { email: normaliseEmail(input.email), name: input.name, passwordHash: input.passwordHash, locale: input.locale ?? 'sv' },
    select: { id: true },
  });
}

export async function getUserProfile(userId: string): Promise<UserProfile | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      locale: true,
      memberships: {
        select: { access: true, organisation: { select: { id: true, name: true, kind: true } } },
        orderBy: { organisation: { name: 'asc' } },
      },
    },
  });
  if (!user) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    organisations: user.memberships.map((m) => ({ ...m.organisation, access: m.access })),
  };
}

export async function updateUserProfile(userId: string, input: { name: string; locale: string }): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { name: input.name, locale: input.locale } });
}

export async function updateUserLocale(userId: string, locale: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale } });
}

/** The UI language stored on the account (set from the profile or the language switch). */
export async function findUserLocale(userId: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { locale: true } });
  return user?.locale ?? null;
}
