import type { ModdleElement } from 'bpmn-moddle';
import { RACI_LETTERS, projectResponsibility, type RaciLetter } from './raci';

// The raw facts of what changed in responsibility between two versions, per element: who holds each
// letter before and after (the lane's role counted as R where no one is named), and each step or
// handover detail's old and new value. The change list words them ("Ansvarig för X ändrades från … till …").

export const DETAIL_FIELDS = ['touchpoint', 'journeyPhase', 'timeLimit', 'legalBasis', 'itSystem', 'why', 'valueClass', 'what', 'fromRoleId', 'toRoleId', 'channel'] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

export type ResponsibilityChange =
  | { kind: 'letter'; elementId: string; name: string; letter: RaciLetter; before: string[]; after: string[] }
  | { kind: 'detail'; elementId: string; name: string; field: DetailField; before: string | null; after: string | null };

type Facts = { name: string; letters: Record<RaciLetter, string[]>; details: Partial<Record<DetailField, string>> };

function factsOf(definitions: ModdleElement): Map<string, Facts> {
  const { activities, handovers } = projectResponsibility(definitions);
  const out = new Map<string, Facts>();
  for (const a of activities) {
    const details: Facts['details'] = {};
    for (const [k, v] of Object.entries(a.details)) if (v !== undefined && v !== false) details[k as DetailField] = String(v);
    out.set(a.elementId, { name: a.name, letters: { R: a.R, A: a.A, C: a.C, I: a.I }, details });
  }
  for (const h of handovers) {
    const details: Facts['details'] = {};
    for (const [k, v] of Object.entries(h.details)) if (v !== undefined) details[k as DetailField] = String(v);
    out.set(h.elementId, { name: h.name, letters: { R: h.R, A: h.A, C: h.C, I: h.I }, details });
  }
  return out;
}

const same = (a: string[], b: string[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

/** Changes on elements present in both versions (an added or removed element is reported as such elsewhere). */
export function diffResponsibility(before: ModdleElement, after: ModdleElement): ResponsibilityChange[] {
  const old = factsOf(before);
  const changes: ResponsibilityChange[] = [];
  for (const [elementId, next] of factsOf(after)) {
    const prev = old.get(elementId);
    if (!prev) continue;
    for (const letter of RACI_LETTERS) {
      if (!same(prev.letters[letter], next.letters[letter])) {
        changes.push({ kind: 'letter', elementId, name: next.name, letter, before: prev.letters[letter], after: next.letters[letter] });
      }
    }
    for (const field of DETAIL_FIELDS) {
      const a = prev.details[field] ?? null;
      const b = next.details[field] ?? null;
      if (a !== b) changes.push({ kind: 'detail', elementId, name: next.name, field, before: a, after: b });
    }
  }
  return changes;
}
