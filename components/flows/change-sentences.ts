import type { ElementContext, FlowDiff } from '@/lib/domain/diff-bpmn';
import type { DetailField } from '@/lib/domain/responsibility/diff-responsibility';
import type { RaciLetter } from '@/lib/domain/responsibility/raci';

// What the change list says, before it is put into words: pure, so the grouping and the rename rule
// can be tested without a translator.

export type ChangeKind = 'added' | 'changed' | 'moved' | 'removed';

/** `context` places an unnamed element (lane, pool, the steps a flow joins), so no id is shown to people. */
export type ChangeSentence =
  | { key: 'added' | 'removed' | 'moved'; type: string; id: string; name?: string; context?: ElementContext }
  | { key: 'renamed'; type: string; id: string; oldName?: string; newName?: string; context?: ElementContext }
  | { key: 'changed'; type: string; id: string; name?: string; attributes: string[]; context?: ElementContext }
  /** "Ansvarig för X ändrades från … till …": role ids, worded with the catalogue's names. */
  | { key: 'responsibility'; id: string; name?: string; letter: RaciLetter; before: string[]; after: string[] }
  | { key: 'detail'; id: string; name?: string; field: DetailField; before?: string; after?: string };

export type ChangeGroup = { kind: ChangeKind; sentences: ChangeSentence[] };

/** `bpmn:UserTask` → `UserTask`: the key of the element's word in the messages. */
export function localType(type: string): string {
  return type.replace(/^[a-z]+:/, '');
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * The groups that have changes, in reading order (added, changed, moved, removed). A rename is said
 * as a rename; other changed attributes are listed by name. An element both changed and moved is
 * listed once, as changed.
 */
export function describeChanges(diff: FlowDiff): ChangeGroup[] {
  const base = (e: { id: string; type: string; name?: string; context?: ElementContext }) => ({
    type: localType(e.type),
    id: e.id,
    name: text(e.name),
    ...(e.context ? { context: e.context } : {}),
  });
  const changedIds = new Set(diff.changed.map((c) => c.id));
  const responsibility = diff.responsibility ?? [];
  // Said in words below; the generic sentence would only add "extensionElements".
  const saidInWords = new Set(responsibility.map((r) => r.elementId));
  const changed = diff.changed.flatMap((e): ChangeSentence[] => {
    const rename = e.attributes.find((a) => a.name === 'name');
    const others = e.attributes
      .filter((a) => a.name !== 'name' && !(a.name === 'extensionElements' && saidInWords.has(e.id)))
      .map((a) => a.name.replace(/^\w+:/, ''));
    const out: ChangeSentence[] = [];
    if (rename) {
      out.push({
        key: 'renamed',
        type: localType(e.type),
        id: e.id,
        oldName: text(rename.oldValue),
        newName: text(rename.newValue),
        ...(e.context ? { context: e.context } : {}),
      });
    }
    if (others.length > 0 || (!rename && !saidInWords.has(e.id))) out.push({ key: 'changed', ...base(e), attributes: others });
    return out;
  });
  for (const r of responsibility) {
    changed.push(
      r.kind === 'letter'
        ? { key: 'responsibility', id: r.elementId, name: text(r.name), letter: r.letter, before: r.before, after: r.after }
        : { key: 'detail', id: r.elementId, name: text(r.name), field: r.field, before: text(r.before), after: text(r.after) },
    );
  }
  const groups: ChangeGroup[] = [
    { kind: 'added', sentences: diff.added.map((e) => ({ key: 'added', ...base(e) })) },
    { kind: 'changed', sentences: changed },
    { kind: 'moved', sentences: diff.layoutChanged.filter((e) => !changedIds.has(e.id)).map((e) => ({ key: 'moved', ...base(e) })) },
    { kind: 'removed', sentences: diff.removed.map((e) => ({ key: 'removed', ...base(e) })) },
  ];
  return groups.filter((g) => g.sentences.length > 0);
}
