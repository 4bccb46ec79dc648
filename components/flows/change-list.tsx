import { getTranslations } from 'next-intl/server';
import type { FlowDiff } from '@/lib/domain/diff-bpmn';

type Element = { id: string; type: string; name?: string };
type Attribute = { name: string; oldValue?: unknown; newValue?: unknown };
type Kind = 'added' | 'changed' | 'moved' | 'removed';
type Translate = Awaited<ReturnType<typeof getTranslations<'history'>>>;

const GROUP_ICON: Record<Kind, string> = { added: '+', changed: '✎', moved: '↔', removed: '−' };
const GROUP_STYLE: Record<Kind, string> = {
  added: 'border-green-700',
  changed: 'border-amber-700',
  moved: 'border-blue-700',
  removed: 'border-red-700',
};

/** The changes between two revisions in words, grouped by kind: the diff for those who do not read colours. */
export async function ChangeList({ diff }: { diff: FlowDiff }) {
  const t = await getTranslations('history');
  const changedIds = new Set(diff.changed.map((c) => c.id));
  const groups: { kind: Kind; items: string[] }[] = [
    { kind: 'added', items: diff.added.map((e) => sentence(t, 'added', e)) },
    { kind: 'changed', items: diff.changed.map((e) => changedSentence(t, e, e.attributes)) },
    // An element both changed and moved is listed once, as changed.
    { kind: 'moved', items: diff.layoutChanged.filter((e) => !changedIds.has(e.id)).map((e) => sentence(t, 'moved', e)) },
    { kind: 'removed', items: diff.removed.map((e) => sentence(t, 'removed', e)) },
  ];
  const any = groups.some((g) => g.items.length > 0);
  return (
    <section aria-labelledby="changes-title" className="space-y-4">
      <h2 id="changes-title" className="text-2xl font-semibold">{t('diff.changesTitle')}</h2>
      {!any ? <p>{t('diff.noChanges')}</p> : null}
      {groups
        .filter((g) => g.items.length > 0)
        .map((g) => (
          <div key={g.kind} className={`border-l-4 pl-4 ${GROUP_STYLE[g.kind]}`}>
            <h3 className="text-lg font-semibold">
              <span aria-hidden="true" className="mr-2 inline-block w-4 text-center">{GROUP_ICON[g.kind]}</span>
              {t(`diff.groups.${g.kind}`, { count: g.items.length })}
            </h3>
            <ul className="mt-1 list-disc pl-6">
              {g.items.map((text, i) => <li key={i}>{text}</li>)}
            </ul>
          </div>
        ))}
    </section>
  );
}

function typeWord(t: Translate, type: string): string {
  const local = type.replace(/^bpmn:/, '');
  const key = `diff.types.${local}`;
  return t.has(key as never) ? t(key as never) : t('diff.types.other');
}

function label(t: Translate, e: Element): string {
  const name = e.name?.trim();
  return name ? t('diff.quoted', { name }) : t('diff.unnamed', { id: e.id });
}

function sentence(t: Translate, kind: 'added' | 'removed' | 'moved', e: Element): string {
  return t(`diff.sentence.${kind}`, { type: typeWord(t, e.type), label: label(t, e) });
}

function changedSentence(t: Translate, e: Element, attributes: Attribute[]): string {
  const rename = attributes.find((a) => a.name === 'name');
  const others = attributes.filter((a) => a.name !== 'name').map((a) => a.name.replace(/^\w+:/, ''));
  const type = typeWord(t, e.type);
  const parts: string[] = [];
  if (rename) {
    const quote = (v: unknown) => (typeof v === 'string' && v.trim() ? t('diff.quoted', { name: v.trim() }) : t('diff.unnamed', { id: e.id }));
    parts.push(t('diff.sentence.renamed', { type, oldName: quote(rename.oldValue), newName: quote(rename.newValue) }));
  }
  if (others.length > 0 || !rename) {
    parts.push(t('diff.sentence.changed', { type, label: label(t, e), attributes: others.join(', ') || '–' }));
  }
  return parts.join('; ');
}
