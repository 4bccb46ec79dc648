'use client';

import { useId, useState } from 'react';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { primaryButton, toolbarButton } from '@/components/editor/editor-toolbar';
import type { CommentJson } from '@/lib/comments/comment-json';
import { COMMENT_BODY_MAX } from '@/lib/domain/comments/limits';
import { deleteComment, patchComment, postReply, type Outcome } from './comments-client';

export type ThreadRights = {
  userId: string;
  /** Organisations where the user decides suggestions (editor or admin). */
  decidingOrganisationIds: readonly string[];
  /** Editor of any organisation of the flow: may resolve any thread. */
  editor: boolean;
};

type Props = {
  flowId: string;
  thread: CommentJson;
  rights: ThreadRights;
  organisationName: (id: string | null) => string;
  onShow: (elementId: string) => void;
  onChanged: () => void;
};

// Bodies are rendered as React text children, never as HTML: markup in a comment shows as the
// characters it was written with.

/** One thread: its first comment, replies, and what the user may do to it. */
export function CommentThread({ flowId, thread, rights, organisationName, onShow, onChanged }: Props) {
  const t = useTranslations('comments');
  const format = useFormatter();
  const id = useId();
  const [mode, setMode] = useState<'idle' | 'reply' | 'reject' | 'edit'>('idle');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'short', timeStyle: 'short' });

  async function run(action: () => Promise<Outcome<unknown>>) {
    setBusy(true);
    setError(null);
    const outcome = await action();
    setBusy(false);
    if (!outcome.ok) return setError(t('list.failed', { message: outcome.message }));
    setMode('idle');
    setText('');
    onChanged();
  }

  const element =
    thread.elementId === null
      ? t('list.flow')
      : thread.elementRemoved
        ? thread.elementName
          ? t('list.removed', { name: thread.elementName })
          : t('list.removedUnnamed')
        : (thread.elementName ?? t('list.unnamed'));
  const mine = thread.authorId === rights.userId;
  const open = thread.status === 'open';
  const suggestion = thread.kind === 'suggestion';
  const mayDecide = suggestion && open && thread.addressedToOrganisationId !== null && rights.decidingOrganisationIds.includes(thread.addressedToOrganisationId);
  const mayResolve = (mine || rights.editor) && (thread.status === 'open' || thread.status === 'resolved');

  return (
    <article aria-labelledby={`${id}-title`} className={`flex flex-col gap-1.5 rounded border p-3 text-sm ${suggestion ? 'border-blue-300' : 'border-gray-300'}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 id={`${id}-title`} className="font-semibold">
          {element}
          <span className="font-normal text-muted"> · {suggestion ? t('list.suggestion', { organisation: organisationName(thread.addressedToOrganisationId) }) : t('list.comment')}</span>
        </h4>
        <span className="rounded bg-gray-100 px-1.5 py-0.5 text-xs font-medium">{t(`status.${thread.status}`)}</span>
      </div>
      <p className="text-xs text-muted">
        {t('list.by', { name: thread.authorName, time: when(thread.createdAt) })} {thread.editedAt ? t('list.edited') : null}
      </p>
      {thread.deleted ? <p className="italic text-muted">{t('list.deleted')}</p> : <p className="whitespace-pre-wrap break-words">{thread.body}</p>}
      {thread.proposal?.name && <p className="font-medium">{t('list.proposal', { name: thread.proposal.name })}</p>}
      {thread.proposal?.details && (
        <div>
          <p className="font-medium">{t('list.proposedDetails')}</p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
            {Object.entries(thread.proposal.details).map(([field, value]) => (
              <div key={field} className="contents">
                <dt className="text-muted">{t(`compose.detail.${field}` as never)}</dt>
                <dd className="break-words">{detailValue(field, value, t)}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      {thread.reason && <p>{t('list.reason', { reason: thread.reason })}</p>}
      {thread.appliedVersion !== null && (
        <p>
          <Link className="text-brand underline" href={`/flows/${flowId}/revisions/${thread.appliedVersion}`}>
            {t('list.applied', { version: thread.appliedVersion })}
          </Link>
        </p>
      )}
      {thread.replies.length > 0 && (
        <ol aria-label={t('list.replies')} className="ml-3 flex flex-col gap-1 border-l-2 border-gray-200 pl-3">
          {thread.replies.map((r) => (
            <li key={r.id}>
              <p className="text-xs text-muted">{t('list.by', { name: r.authorName, time: when(r.createdAt) })}</p>
              <p className="whitespace-pre-wrap break-words">{r.body}</p>
            </li>
          ))}
        </ol>
      )}
      <div className="flex flex-wrap gap-2 pt-1">
        {thread.elementId !== null && !thread.elementRemoved && (
          <button type="button" className={toolbarButton} onClick={() => onShow(thread.elementId!)}>
            {t('list.show')}
          </button>
        )}
        {!thread.deleted && (
          <button type="button" className={toolbarButton} aria-expanded={mode === 'reply'} onClick={() => setMode(mode === 'reply' ? 'idle' : 'reply')}>
            {t('list.reply')}
          </button>
        )}
        {mayDecide && (
          <>
            <button type="button" className={primaryButton} disabled={busy} onClick={() => void run(() => patchComment(flowId, thread.id, { status: 'accepted' }))}>
              {t('list.accept')}
            </button>
            <button type="button" className={toolbarButton} aria-expanded={mode === 'reject'} onClick={() => setMode(mode === 'reject' ? 'idle' : 'reject')}>
              {t('list.reject')}
            </button>
          </>
        )}
        {mayResolve && (
          <button type="button" className={toolbarButton} disabled={busy} onClick={() => void run(() => patchComment(flowId, thread.id, { status: open ? 'resolved' : 'open' }))}>
            {open ? t('list.resolve') : t('list.reopen')}
          </button>
        )}
        {mine && !thread.deleted && (
          <>
            <button
              type="button"
              className={toolbarButton}
              aria-expanded={mode === 'edit'}
              onClick={() => {
                setText(thread.body);
                setMode(mode === 'edit' ? 'idle' : 'edit');
              }}
            >
              {t('list.edit')}
            </button>
            <button type="button" className={toolbarButton} disabled={busy} onClick={() => window.confirm(t('list.confirmDelete')) && void run(() => deleteComment(flowId, thread.id))}>
              {t('list.delete')}
            </button>
          </>
        )}
      </div>
      {mode !== 'idle' && (
        <form
          className="flex flex-col gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            const value = text.trim();
            if (!value) return;
            if (mode === 'reply') void run(() => postReply(flowId, thread.id, value));
            else if (mode === 'reject') void run(() => patchComment(flowId, thread.id, { status: 'rejected', reason: value }));
            else void run(() => patchComment(flowId, thread.id, { body: value }));
          }}
        >
          <label htmlFor={`${id}-text`} className="font-medium">
            {mode === 'reply' ? t('list.replyLabel') : mode === 'reject' ? t('list.rejectReason') : t('compose.body')}
          </label>
          <textarea id={`${id}-text`} rows={3} maxLength={COMMENT_BODY_MAX} value={text} onChange={(e) => setText(e.target.value)} className="rounded border border-gray-500 px-2 py-1" />
          <div className="flex gap-2">
            <button type="submit" className={primaryButton} disabled={busy || !text.trim()}>
              {mode === 'reply' ? t('list.sendReply') : mode === 'reject' ? t('list.confirmReject') : t('list.save')}
            </button>
            <button type="button" className={toolbarButton} onClick={() => setMode('idle')}>
              {t('list.cancel')}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p role="alert" className="text-danger">
          {error}
        </p>
      )}
    </article>
  );
}

/** A proposed step detail in words: the value class and phase by their names, a touchpoint as yes or no. */
function detailValue(field: string, value: unknown, t: (key: never) => string): string {
  if (field === 'valueClass') return t(`compose.detail.valueClasses.${String(value)}` as never);
  if (field === 'journeyPhase') return t(`compose.detail.phases.${String(value)}` as never);
  if (field === 'touchpoint') return t((value ? 'compose.detail.yes' : 'compose.detail.no') as never);
  return String(value);
}
