'use client';

import Link from 'next/link';
import { useActionState, useState, startTransition, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';
import { ErrorSummary, FieldError } from './error-summary';
import { IDLE, type ImportState } from './form-state';
import { OwnerSelect } from './owner-select';

type Props = {
  owners: { id: string; name: string }[];
  megabytes: number;
  maxBytes: number;
  action: (prev: ImportState, form: FormData) => Promise<ImportState>;
};

const input = 'mt-1 block w-full rounded border border-gray-500 px-3 py-2 text-ink';
const label = 'block font-semibold';
const hint = 'mt-1 text-sm text-muted';

export function ImportFlowForm({ owners, megabytes, maxBytes, action }: Props) {
  const t = useTranslations('flow');
  const [serverState, dispatch, pending] = useActionState(action, IDLE);
  // A file over the limit is refused here, before megabytes travel to the server (which checks again).
  const [tooLarge, setTooLarge] = useState(false);
  const state: ImportState = tooLarge
    ? { status: 'error', fieldErrors: { file: t('import.tooLarge', { megabytes }) } }
    : serverState;

  // A transition instead of the form's action prop: React then leaves the form (and the chosen file) as it was.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    const large = file instanceof File && file.size > maxBytes;
    setTooLarge(large);
    if (!large) startTransition(() => dispatch(form));
  }

  if (state.status === 'imported') return <ImportResult result={state} />;
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const describe = (field: string) =>
    [`f-${field}-hint`, errors[field] ? `f-${field}-error` : ''].filter(Boolean).join(' ');

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-6">
      {state.status === 'error' ? (
        <ErrorSummary
          title={t('import.errorTitle')}
          formError={state.formError}
          errors={Object.entries(errors).map(([field, message]) => ({ field, message }))}
        />
      ) : null}
      <div>
        <label htmlFor="f-file" className={label}>{t('import.file')}</label>
        <p id="f-file-hint" className={hint}>{t('import.fileHint', { megabytes })}</p>
        <input id="f-file" name="file" type="file" accept=".bpmn,.xml" required
          aria-invalid={Boolean(errors.file)} aria-describedby={describe('file')} className={`${input} bg-white`} />
        <FieldError id="f-file-error" message={errors.file} />
      </div>
      <div>
        <label htmlFor="f-name" className={label}>{t('import.name')}</label>
        <p id="f-name-hint" className={hint}>{t('import.nameHint')}</p>
        <input id="f-name" name="name" type="text" maxLength={200} autoComplete="off"
          aria-invalid={Boolean(errors.name)} aria-describedby={describe('name')} className={input} />
        <FieldError id="f-name-error" message={errors.name} />
      </div>
      <OwnerSelect owners={owners} label={t('import.owner')} chooseLabel={t('import.chooseOwner')} error={errors.ownerOrganisationId} />
      <button type="submit" disabled={pending} className="rounded bg-brand px-5 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-70">
        {pending ? t('import.submitting') : t('import.submit')}
      </button>
    </form>
  );
}

function ImportResult({ result }: { result: Extract<ImportState, { status: 'imported' }> }) {
  const t = useTranslations('flow');
  // Layout problems come first and stand out: a canvas without explanation is worse than none.
  const generated = result.warnings.find((w) => w.code === 'GENERATED_DIAGRAM');
  const others = result.warnings.filter((w) => w.code !== 'NO_DIAGRAM' && w.code !== 'GENERATED_DIAGRAM');
  return (
    <section aria-labelledby="import-result" className="max-w-2xl space-y-4">
      <div role="status" className="rounded border-2 border-ok bg-green-50 p-4">
        <h2 id="import-result" className="text-xl font-semibold">{t('import.successTitle', { name: result.name })}</h2>
        <p className="mt-1">{t('import.successVersion', { version: result.version })}</p>
      </div>
      {result.noDiagram ? (
        <p className="rounded border-2 border-amber-700 bg-amber-50 p-4 font-medium">{t('import.noDiagram')}</p>
      ) : null}
      {generated ? <p className="rounded border-2 border-amber-700 bg-amber-50 p-4 font-medium">{generated.text}</p> : null}
      <h3 className="text-lg font-semibold">{t('import.warningsTitle')}</h3>
      {others.length === 0 ? (
        <p>{t('import.noWarnings')}</p>
      ) : (
        <ul className="list-disc space-y-1 pl-6">
          {others.map((w, i) => (
            <li key={`${w.code}-${i}`}>
              {w.text}
              {w.element ? <span className="text-muted"> {t('import.warningElement', { element: w.element })}</span> : null}
            </li>
          ))}
        </ul>
      )}
      <ul className="flex flex-wrap gap-4 pt-2">
        <li><Link href={`/flows/${result.id}`} className="inline-block rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">{t('import.openFlow')}</Link></li>
        <li><Link href={`/flows/${result.id}/mapping`} className="inline-block rounded border-2 border-brand px-4 py-2 font-semibold text-brand">{t('import.mapPools')}</Link></li>
        <li><a href="/flows/import" className="inline-block px-4 py-2 text-brand underline">{t('import.importAnother')}</a></li>
      </ul>
    </section>
  );
}
