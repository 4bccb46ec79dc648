'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { RevokeTokenState } from '@/app/profile/actions';

type Props = {
  tokenId: string;
  tokenName: string;
  action: (prev: RevokeTokenState, formData: FormData) => Promise<RevokeTokenState>;
};

export function RevokeTokenButton({ tokenId, tokenName, action }: Props) {
  const t = useTranslations('profile.tokens');
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as RevokeTokenState);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="tokenId" value={tokenId} />
      <input type="hidden" name="tokenName" value={tokenName} />
      <button
        type="submit"
        disabled={pending}
        aria-label={t('revokeLabel', { name: tokenName })}
        className="rounded-md border border-danger px-3 py-1 text-sm font-medium text-danger hover:bg-red-50 disabled:opacity-70"
      >
        {t('revoke')}
      </button>
      {state.status === 'error' ? (
        <span role="alert" className="text-sm text-danger">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
