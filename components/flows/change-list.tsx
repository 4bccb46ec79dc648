import type { ElementContext } from '@/lib/domain/diff-bpmn';
import { getTranslations } from 'next-intl/server';
import type { FlowDiff } from '@/lib/domain/diff-bpmn';
import { describeChanges, type ChangeKind, type ChangeSentence } from './change-sentences';

type Translate = Awaited<ReturnType<typeof getTranslations<'history'>>>;

const GROUP_ICON: Record<ChangeKind, string> = { added: '+', changed: '✎', moved: '↔', removed: '−' };
const GROUP_STYLE: Record<ChangeKind, string> = {
  added: 'border-green-700',
  changed: 'border-amber-700',
  moved: 'border-blue-700',
  removed: 'border-red-700',
};

/** The changes between two revisions in words, grouped by kind: the diff for those who do not read colours. */
export async function ChangeList({ diff, roleNames = {} }: { diff: FlowDiff; roleNames?: Record<string, string> }) {
  const t = await getTranslations('history');
  const groups = describeChanges(diff);
  return (
    <section aria-labelledby="changes-title" className="space-y-4">
      <h2 id="changes-title" className="text-2xl font-semibold">{t('diff.changesTitle')}</h2>
      {groups.length === 0 ? <p>{t('diff.noChanges')}</p> : null}
      {groups.map((g) => (
        <div key={g.kind} className={`border-l-4 pl-4 ${GROUP_STYLE[g.kind]}`}>
          <h3 className="text-lg font-semibold">
            <span aria-hidden="true" className="mr-2 inline-block w-4 text-center">{GROUP_ICON[g.kind]}</span>
            {t(`diff.groups.${g.kind}`, { count: g.sentences.length })}
          </h3>
          <ul className="mt-1 list-disc pl-6">
            {g.sentences.map((s, i) => <li key={i}>{say(t, s, roleNames)}</li>)}
          </ul>
        </div>
      ))}
    </section>
  );
}

function say(t: Translate, s: ChangeSentence, roleNames: Record<string, string>): string {
  const quote = (name: string | undefined) => (name ? t('diff.quoted', { name }) : unnamed(t, 'context' in s ? s.context : undefined));
  if (s.key === 'responsibility') {
    const roles = (ids: string[]) => (ids.length ? ids.map((id) => roleNames[id] ?? id).join(', ') : t('diff.nobody'));
    return t('diff.sentence.responsibility', { letter: t(`diff.letters.${s.letter}`), label: quote(s.name), before: roles(s.before), after: roles(s.after) });
  }
  if (s.key === 'detail') {
    const value = (v: string | undefined) => {
      if (v === undefined) return t('diff.nobody');
      return s.field === 'fromRoleId' || s.field === 'toRoleId' ? (roleNames[v] ?? v) : t('diff.quoted', { name: v });
    };
    return t('diff.sentence.detail', { field: t(`diff.detailFields.${s.field}`), label: quote(s.name), before: value(s.before), after: value(s.after) });
  }
  const typeKey = `diff.types.${s.type}`;
  const type = t.has(typeKey as never) ? t(typeKey as never) : t('diff.types.other');
  switch (s.key) {
    case 'renamed':
      return t('diff.sentence.renamed', { type, oldName: quote(s.oldName), newName: quote(s.newName) });
    case 'changed': {
      const word = (a: string) => (t.has(`diff.attributes.${a}` as never) ? t(`diff.attributes.${a}` as never) : a);
      return t('diff.sentence.changed', { type, label: quote(s.name), attributes: s.attributes.map(word).join(', ') || '–' });
    }
    default:
      return t(`diff.sentence.${s.key}`, { type, label: quote(s.name) });
  }
}

/** An unnamed element by where it is: the steps a flow joins, its lane, or its pool; never its id. */
function unnamed(t: Translate, context: ElementContext | undefined): string {
  const q = (name: string) => t('diff.quoted', { name });
  if (context?.from && context.to) return t('diff.unnamedBetween', { from: q(context.from), to: q(context.to) });
  if (context?.lane) return t('diff.unnamedInLane', { lane: q(context.lane) });
  if (context?.pool) return t('diff.unnamedInPool', { pool: q(context.pool) });
  return t('diff.unnamedPlain');
}
