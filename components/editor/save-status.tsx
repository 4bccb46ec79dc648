'use client';

import { useTranslations } from 'next-intl';
import { refusalMessage } from '@/lib/i18n/refusal-message';
import { toolbarButton } from './editor-toolbar';
import type { SaveStatus } from './use-flow-save';

type Props = {
  status: SaveStatus;
  onSaveAnyway: (headVersion: number) => void;
  onLoadLatest: () => void;
  extraMessage?: string | null;
};

/** The save state in words, announced politely; on a conflict, the two ways out. */
export function SaveStatusBar({ status, onSaveAnyway, onLoadLatest, extraMessage }: Props) {
  const t = useTranslations('editor.status');
  const tErrors = useTranslations('errors');
  const text = describe(status, t, tErrors);
  const problem = status.kind === 'conflict' || status.kind === 'rejected' || status.kind === 'offline';
  return (
    <div className="flex min-h-9 flex-wrap items-center gap-2 text-sm">
      <p aria-live="polite" role="status" className={problem ? 'font-semibold text-danger' : 'text-muted'}>
        {text}
        {extraMessage ? ` ${extraMessage}` : ''}
      </p>
      {status.kind === 'conflict' && (
        <>
          {status.headVersion !== null && (
            <button type="button" className={toolbarButton} onClick={() => onSaveAnyway(status.headVersion!)}>
              {t('saveAnyway')}
            </button>
          )}
          <button type="button" className={toolbarButton} onClick={onLoadLatest}>
            {t('loadLatest')}
          </button>
        </>
      )}
    </div>
  );
}

function describe(
  status: SaveStatus,
  t: ReturnType<typeof useTranslations<'editor.status'>>,
  tErrors: ReturnType<typeof useTranslations<'errors'>>,
): string {
  switch (status.kind) {
    case 'saved':
      return t('saved', { version: status.version });
    case 'dirty':
      return t('dirty');
    case 'saving':
      return t('saving');
    case 'conflict':
      return status.headVersion === null ? t('conflictUnknown') : t('conflict', { version: status.headVersion });
    case 'rejected':
      return t('rejected', { message: refusalMessage(tErrors, status.refusal) });
    case 'offline':
      return t('offline');
  }
}
