'use server';

import { getTranslations } from 'next-intl/server';
import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireSessionUser } from '@/lib/auth/session';
import { createApiToken, revokeApiToken } from '@/lib/db/api-tokens';
import { endSessions } from '@/lib/db/session-versions';
import { updateUserProfile } from '@/lib/db/users';
import { LOCALE_COOKIE } from '@/lib/i18n/config';
import { createTokenSchema, profileSchema, revokeTokenSchema } from '@/lib/validation/profile';

export type ProfileFormState =
  | { status: 'idle' }
  | { status: 'saved'; message: string }
  | { status: 'error'; field: 'name' | 'locale'; message: string };

export type CreateTokenState =
  | { status: 'idle' }
  | { status: 'created'; name: string; token: string }
  | { status: 'error'; message: string };

export type RevokeTokenState = { status: 'idle' } | { status: 'done'; message: string } | { status: 'error'; message: string };

export async function updateProfileAction(_prev: ProfileFormState, formData: FormData): Promise<ProfileFormState> {
  const user = await requireSessionUser('/profile');
  const t = await getTranslations('profile');
  const parsed = profileSchema.safeParse({ name: formData.get('name'), locale: formData.get('locale') });
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0] === 'locale' ? 'locale' : 'name';
    return { status: 'error', field, message: t(field === 'name' ? 'errors.nameRequired' : 'errors.localeInvalid') };
  }
  await updateUserProfile(user.id, parsed.data);
  (await cookies()).set(LOCALE_COOKIE, parsed.data.locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax' });
  revalidatePath('/', 'layout');
  // Translated after the switch, so the confirmation speaks the newly chosen language.
  const tNew = await getTranslations({ locale: parsed.data.locale, namespace: 'profile' });
  return { status: 'saved', message: tNew('saved') };
}

export async function createTokenAction(_prev: CreateTokenState, formData: FormData): Promise<CreateTokenState> {
  const user = await requireSessionUser('/profile');
  const parsed = createTokenSchema.safeParse({ name: formData.get('name') });
  if (!parsed.success) {
    const t = await getTranslations('profile');
    return { status: 'error', message: t('errors.tokenNameRequired') };
  }
  const created = await createApiToken(user.id, parsed.data.name);
  revalidatePath('/profile');
  return { status: 'created', name: created.name, token: created.token };
}

export async function revokeTokenAction(_prev: RevokeTokenState, formData: FormData): Promise<RevokeTokenState> {
  const user = await requireSessionUser('/profile');
  const t = await getTranslations('profile');
  const parsed = revokeTokenSchema.safeParse({ tokenId: formData.get('tokenId') });
  const name = String(formData.get('tokenName') ?? '');
  if (!parsed.success || !(await revokeApiToken(user.id, parsed.data.tokenId))) {
    return { status: 'error', message: t('tokens.notFound') };
  }
  revalidatePath('/profile');
  return { status: 'done', message: t('tokens.revoked', { name }) };
}

/**
 * "Sign out everywhere": ends every session of the user (this browser and every other one, on every
 * app instance) by moving the session generation on. API tokens are not sessions and stay valid.
 */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await requireSessionUser('/profile');
  await endSessions(user.id);
  // This browser's cookie is dead already; dropping it keeps the header from greeting a stale name.
  const jar = await cookies();
  for (const cookie of jar.getAll()) {
    if (/next-auth\.session-token/.test(cookie.name)) jar.delete(cookie.name);
  }
  redirect('/signin');
}
