'use client';

import { useTranslations } from 'next-intl';
import { useFormStatus } from 'react-dom';

type Props = { action: () => Promise<void> };

/** Ends every session of the user; the action redirects to sign-in. */
export function SignOutEverywhereForm({ action }: Props) {
  return (
    <form action={action}>
      <SubmitButton />
    </form>
  );
}

function SubmitButton() {
  const t = useTranslations('profile.sessions');
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded-md border border-danger px-4 py-2 font-semibold text-danger hover:bg-red-50 disabled:opacity-70"
    >
      {pending ? t('pending') : t('button')}
    </button>
  );
}
