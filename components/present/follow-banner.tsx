'use client';

import { useTranslations } from 'next-intl';
import { presentButton, presentPrimaryButton } from './present-data';

type Props = { ended: boolean; following: boolean; presenterStep: number; guest: boolean; onFollow: (following: boolean) => void };

/** A follower's line: following the presenter, or looking around with the way back to them. */
export function FollowBanner({ ended, following, presenterStep, guest, onFollow }: Props) {
  const t = useTranslations('present.follow');
  return (
    <div className="flex flex-wrap items-center gap-3 border-b border-gray-300 bg-amber-50 px-4 py-2 text-base">
      {ended ? (
        <p>{t('ended')}</p>
      ) : following ? (
        <>
          <p>{t('following')}</p>
          <button type="button" className={presentButton} onClick={() => onFollow(false)}>
            {t('breakAway')}
          </button>
        </>
      ) : (
        <>
          <p>{t('away', { step: presenterStep })}</p>
          <button type="button" className={presentPrimaryButton} onClick={() => onFollow(true)}>
            {t('rejoin')}
          </button>
        </>
      )}
      {guest && <p>{t('guest')}</p>}
    </div>
  );
}
