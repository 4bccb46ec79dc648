'use client';

import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslations } from 'next-intl';
import type { CommentBadge } from '@/components/bpmn/modules/comment-badges';
import { DEFAULT_FILTER, filterThreads, type ThreadFilter } from '@/lib/domain/comments/thread-filter';
import { CommentCompose, type ComposeTarget } from './comment-compose';
import { CommentThread, type ThreadRights } from './comment-thread';
import { useFlowComments } from './use-flow-comments';

/** What the panel needs of the drawn diagram (Modeler or Viewer); bpmn-js itself stays in components/bpmn. */
export type CommentsDiagram = {
  selectedElementId(): string | undefined;
  subscribeDetails(listener: () => void): () => void;
  describeElement(id: string): { name: string; organisationId?: string; kind?: 'activity' | 'handover' | 'other' } | undefined;
  selectElement(id: string): boolean;
  showCommentBadges(badges: readonly CommentBadge[], label?: (count: number) => string): void;
};

/** Who is looking, decided on the server by policy and passed down for what the panel offers. */
export type CommentsContext = ThreadRights & {
  myOrganisationIds: readonly string[];
  organisations: readonly { id: string; name: string }[];
  mentionExample: string;
};

type Props = {
  flowId: string;
  diagram: () => CommentsDiagram | null;
  /** Whether the user may change the element (then a comment, never a suggestion, is offered). */
  mayEdit: (elementId: string) => boolean;
  context: CommentsContext;
};

/** The side list of a flow's comments and suggestions, with filters, the compose form and the canvas badges. */
export function CommentsPanel({ flowId, diagram, mayEdit, context }: Props) {
  const t = useTranslations('comments');
  const id = useId();
  const { comments, error, refresh, badges } = useFlowComments(flowId);
  const [filter, setFilter] = useState<ThreadFilter>(DEFAULT_FILTER);
  const [selected, setSelected] = useState<ComposeTarget>(null);
  const orgName = useMemo(() => new Map(context.organisations.map((o) => [o.id, o.name])), [context.organisations]);

  useEffect(() => {
    const d = diagram();
    if (!d) return;
    const read = () => {
      const elementId = d.selectedElementId();
      const details = elementId ? d.describeElement(elementId) : undefined;
      setSelected(
        elementId && details
          ? {
              elementId,
              name: details.name || elementId,
              organisationName: details.organisationId ? (orgName.get(details.organisationId) ?? null) : null,
              mayEdit: mayEdit(elementId),
              isActivity: details.kind === 'activity',
            }
          : null,
      );
    };
    read();
    return d.subscribeDetails(read);
  }, [diagram, mayEdit, orgName]);

  useEffect(() => {
    diagram()?.showCommentBadges(badges, (count) => t('badgeLabel', { count }));
  }, [badges, diagram, t]);

  // ?comment=ID (the history's link to an accepted suggestion): show it whatever its status, and go there.
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    const wanted = new URLSearchParams(window.location.search).get('comment');
    if (!wanted) return;
    setFocusId(wanted);
    setFilter((f) => ({ ...f, status: 'all' }));
  }, []);
  useEffect(() => {
    if (!focusId || !comments) return;
    document.getElementById(`comment-${focusId}`)?.scrollIntoView({ block: 'center' });
  }, [focusId, comments]);

  const all = comments ?? [];
  const shown = filterThreads(all, filter);

  return (
    <section id="comments" aria-labelledby={`${id}-heading`} className="flex flex-col gap-3 border-t border-gray-300 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          {t('heading')}
        </h2>
        <a href={`/api/flows/${encodeURIComponent(flowId)}/comments?format=csv`} download className="text-sm text-brand underline">
          {t('list.export')}
        </a>
      </div>
      <div className="grid gap-6 md:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
        <CommentCompose flowId={flowId} selected={selected} mentionExample={context.mentionExample} onSent={() => void refresh()} />
        <div className="flex flex-col gap-2">
          <fieldset className="flex flex-wrap items-end gap-3 text-sm">
            <legend className="sr-only">{t('filters.legend')}</legend>
            <label className="flex flex-col gap-0.5">
              <span className="font-medium">{t('filters.status')}</span>
              <select value={filter.status} onChange={(e) => setFilter({ ...filter, status: e.target.value as ThreadFilter['status'] })} className="rounded border border-gray-500 px-2 py-1">
                <option value="open">{t('filters.open')}</option>
                <option value="closed">{t('filters.resolved')}</option>
                <option value="all">{t('filters.all')}</option>
              </select>
            </label>
            <label className="flex flex-col gap-0.5">
              <span className="font-medium">{t('filters.kind')}</span>
              <select value={filter.kind} onChange={(e) => setFilter({ ...filter, kind: e.target.value as ThreadFilter['kind'] })} className="rounded border border-gray-500 px-2 py-1">
                <option value="all">{t('filters.allKinds')}</option>
                <option value="comment">{t('filters.comments')}</option>
                <option value="suggestion">{t('filters.suggestions')}</option>
              </select>
            </label>
            <label className="flex items-center gap-2 py-1">
              <input type="checkbox" checked={filter.addressedTo !== null} onChange={(e) => setFilter({ ...filter, addressedTo: e.target.checked ? context.myOrganisationIds : null })} />
              {t('filters.mine')}
            </label>
          </fieldset>
          <p className="text-xs text-muted" aria-live="polite">
            {t('filters.shown', { shown: shown.length, total: all.length })}
          </p>
          {error && (
            <p role="alert" className="text-sm text-danger">
              {t('list.failed', { message: error })}
            </p>
          )}
          {comments !== null && shown.length === 0 && <p className="text-sm text-muted">{t('list.empty')}</p>}
          <ul className="flex flex-col gap-2">
            {shown.map((thread) => (
              <li key={thread.id} id={`comment-${thread.id}`} className={thread.id === focusId ? 'rounded ring-2 ring-brand' : undefined}>
                <CommentThread
                  flowId={flowId}
                  thread={thread}
                  rights={context}
                  organisationName={(orgId) => (orgId ? (orgName.get(orgId) ?? orgId) : '')}
                  onShow={(elementId) => diagram()?.selectElement(elementId)}
                  onChanged={() => void refresh()}
                />
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}
