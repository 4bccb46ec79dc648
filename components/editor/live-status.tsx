'use client';

import { useTranslations } from 'next-intl';
import type { Json } from '@/lib/domain/records/types';
import { refusalMessage } from '@/lib/i18n/refusal-message';
import { toolbarButton } from './editor-toolbar';
import type { LiveNotice, LiveStatus } from './use-live-sync';

type Props = {
  status: LiveStatus;
  notices: LiveNotice[];
  /** A person's word for an element: its name, type and lane, never a bare id. */
  describe: (elementId: string) => string;
  onPutBack: (notice: Extract<LiveNotice, { kind: 'replaced' }>['notice']) => void;
  onDismiss: (id: string) => void;
  extraMessage?: string | null;
};

/** The sync state in words (announced politely), and what happened to the user's changes. */
export function LiveStatusBar({ status, notices, describe, onPutBack, onDismiss, extraMessage }: Props) {
  const t = useTranslations('editor.live');
  const tErrors = useTranslations('errors');
  const problem = status.kind === 'offline' || status.kind === 'signedOut';
  return (
    <div className="flex flex-col gap-1 text-sm">
      <p role="status" aria-live="polite" className={problem ? 'font-semibold text-danger' : 'text-muted'}>
        {statusText(status, t)}
        {extraMessage ? ` ${extraMessage}` : ''}
      </p>
      {notices.length > 0 && (
        <ul className="flex flex-col gap-1" aria-live="polite">
          {notices.map((n) => (
            <li key={n.id} className="flex flex-wrap items-center gap-2 rounded border border-amber-600 bg-amber-50 px-2 py-1">
              <span>
                {n.kind === 'replaced' &&
                  n.notice.field === 'a:bpmn:name' &&
                  t('replacedName', { by: n.notice.by, theirs: shown(n.notice.theirs, t), mine: shown(n.notice.mine, t) })}
                {n.kind === 'replaced' &&
                  n.notice.field !== 'a:bpmn:name' &&
                  t('replaced', {
                    by: n.notice.by,
                    what: fieldWord(n.notice.field, t),
                    element: describe(n.notice.elementId),
                    theirs: shown(n.notice.theirs, t),
                    mine: shown(n.notice.mine, t),
                  })}
                {n.kind === 'refused' &&
                  refusalMessage(tErrors, {
                    ...n.refusal,
                    elementIds: Array.isArray(n.refusal.elementIds) ? n.refusal.elementIds.map((id) => describe(String(id))) : undefined,
                  })}
                {n.kind === 'undoCleared' && t('undoCleared')}
              </span>
              {n.kind === 'replaced' && (
                <button type="button" className={toolbarButton} onClick={() => onPutBack(n.notice)}>
                  {t('putBack')}
                </button>
              )}
              <button type="button" className={toolbarButton} onClick={() => onDismiss(n.id)} aria-label={t('dismiss')}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

type T = ReturnType<typeof useTranslations<'editor.live'>>;

function statusText(status: LiveStatus, t: T): string {
  switch (status.kind) {
    case 'loading':
      return t('loading');
    case 'synced':
      return t('synced', { version: status.version });
    case 'saving':
      return t('saving', { count: status.pending });
    case 'offline':
      return t('offline', { count: status.pending });
    case 'signedOut':
      return t('signedOut', { count: status.pending });
  }
}

function fieldWord(field: string, t: T): string {
  if (field === 'a:bpmn:name') return t('fields.name');
  if (field === 'b:bpmn:documentation') return t('fields.documentation');
  if (field === 'b:dc:bounds' || field === 'b:di:bounds') return t('fields.bounds');
  if (field === 'b:di:waypoint') return t('fields.waypoint');
  return t('fields.other');
}

function shown(value: Json | null, t: T): string {
  if (value === null || value === '') return t('empty');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((v) => (v && typeof v === 'object' && !Array.isArray(v) && typeof v['bpmn:text'] === 'string' ? v['bpmn:text'] : '…')).join(' ');
  return '…';
}
