'use client';

import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { primaryButton } from '@/components/editor/editor-toolbar';
import { VALUE_CLASSES } from '@/lib/bpmn/stafett-details';
import { COMMENT_BODY_MAX } from '@/lib/domain/comments/limits';
import { postComment } from './comments-client';

export type ComposeTarget = { elementId: string; name: string; organisationName: string | null; mayEdit: boolean; isActivity: boolean } | null;

/** The step details a suggestion may propose from this form (the API takes touchpoint and phase too). */
const DETAIL_TEXTS = ['timeLimit', 'itSystem', 'legalBasis', 'why'] as const;
type DetailText = (typeof DETAIL_TEXTS)[number];

type Props = {
  flowId: string;
  /** The element selected in the diagram, or null. */
  selected: ComposeTarget;
  mentionExample: string;
  onSent: () => void;
};

/** Writes a comment on the selected element or the whole flow; on another organisation's element, optionally a suggestion. */
export function CommentCompose({ flowId, selected, mentionExample, onSent }: Props) {
  const t = useTranslations('comments.compose');
  const id = useId();
  const [aboutFlow, setAboutFlow] = useState(false);
  const [body, setBody] = useState('');
  const [suggest, setSuggest] = useState(false);
  const [proposedName, setProposedName] = useState('');
  const [proposedDetails, setProposedDetails] = useState<Partial<Record<DetailText | 'valueClass', string>>>({});
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const target = aboutFlow ? null : selected;
  const canSuggest = target !== null && !target.mayEdit;
  const suggestion = canSuggest && suggest;
  const organisation = target?.organisationName ?? '…';

  async function submit() {
    const text = body.trim();
    if (!text) return;
    setBusy(true);
    setStatus(null);
    const name = proposedName.trim();
    // Only the details someone filled in are proposed: the others stay as the owner has them.
    const details = Object.fromEntries(Object.entries(proposedDetails).map(([k, v]) => [k, v?.trim()]).filter(([, v]) => v));
    const hasDetails = Boolean(target?.isActivity) && Object.keys(details).length > 0;
    const proposal = { ...(name ? { name } : {}), ...(hasDetails ? { details } : {}) };
    const outcome = await postComment(flowId, {
      elementId: target?.elementId ?? null,
      body: text,
      kind: suggestion ? 'suggestion' : 'comment',
      ...(suggestion && Object.keys(proposal).length ? { proposal } : {}),
    });
    setBusy(false);
    if (!outcome.ok) return setStatus({ kind: 'error', text: t('failed', { message: outcome.message }) });
    setBody('');
    setProposedName('');
    setProposedDetails({});
    setSuggest(false);
    setStatus({ kind: 'ok', text: t('sent') });
    onSent();
  }

  return (
    <form
      aria-labelledby={`${id}-heading`}
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id={`${id}-heading`} className="font-semibold">
        {t('heading')}
      </h3>
      <fieldset className="flex flex-col gap-1 text-sm">
        <legend className="font-medium">{t('target')}</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name={`${id}-target`} checked={selected !== null && !aboutFlow} disabled={selected === null} onChange={() => setAboutFlow(false)} />
          {selected ? t('selected', { name: selected.name }) : t('selectHint')}
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name={`${id}-target`} checked={selected === null || aboutFlow} onChange={() => setAboutFlow(true)} />
          {t('wholeFlow')}
        </label>
      </fieldset>
      {canSuggest && (
        <div className="flex flex-col gap-1 rounded border border-blue-200 bg-blue-50 p-2 text-sm">
          <label className="flex items-center gap-2 font-medium">
            <input type="checkbox" checked={suggest} onChange={(e) => setSuggest(e.target.checked)} />
            {t('suggest', { organisation })}
          </label>
          <p className="text-muted">{t('suggestHint', { organisation })}</p>
          {suggest && (
            <>
              <label htmlFor={`${id}-name`} className="font-medium">
                {t('proposedName')}
              </label>
              <input id={`${id}-name`} value={proposedName} maxLength={500} onChange={(e) => setProposedName(e.target.value)} className="rounded border border-gray-500 px-2 py-1" />
              {target?.isActivity && (
                <details className="mt-1">
                  <summary className="cursor-pointer font-medium">{t('proposedDetails')}</summary>
                  <div className="mt-1 flex flex-col gap-1">
                    {DETAIL_TEXTS.map((field) => (
                      <label key={field} className="flex flex-col gap-0.5">
                        <span>{t(`detail.${field}`)}</span>
                        <input
                          value={proposedDetails[field] ?? ''}
                          maxLength={2000}
                          onChange={(e) => setProposedDetails((d) => ({ ...d, [field]: e.target.value }))}
                          className="rounded border border-gray-500 px-2 py-1"
                        />
                      </label>
                    ))}
                    <label className="flex flex-col gap-0.5">
                      <span>{t('detail.valueClass')}</span>
                      <select
                        value={proposedDetails.valueClass ?? ''}
                        onChange={(e) => setProposedDetails((d) => ({ ...d, valueClass: e.target.value }))}
                        className="rounded border border-gray-500 px-2 py-1"
                      >
                        <option value="">{t('detail.unchanged')}</option>
                        {VALUE_CLASSES.map((v) => (
                          <option key={v} value={v}>
                            {t(`detail.valueClasses.${v}`)}
                          </option>
                        ))}
                      </select>
                    </label>
                  </div>
                </details>
              )}
            </>
          )}
        </div>
      )}
      <label htmlFor={`${id}-body`} className="text-sm font-medium">
        {t('body')}
      </label>
      <textarea
        id={`${id}-body`}
        value={body}
        rows={4}
        maxLength={COMMENT_BODY_MAX}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setBody(e.target.value)}
        className="rounded border border-gray-500 px-2 py-1 text-sm"
      />
      <p id={`${id}-hint`} className="text-xs text-muted">
        {t('bodyHint', { example: mentionExample })} {t('count', { count: body.length })}
      </p>
      <div className="flex items-center gap-3">
        <button type="submit" className={primaryButton} disabled={busy || !body.trim()}>
          {t('send')}
        </button>
        <p role="status" className={`text-sm ${status?.kind === 'error' ? 'text-danger' : 'text-muted'}`}>
          {status?.text}
        </p>
      </div>
    </form>
  );
}
