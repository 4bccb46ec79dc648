import type { Finding } from '@/lib/domain/responsibility/checks';

// A finding in the UI language (messages under responsibility.checks), for the check list and the panel.

type Translate = (key: string, values?: Record<string, string | number>) => string;

export function findingText(t: Translate, f: Finding): string {
  const name = f.name || t('unnamed');
  if (f.code === 'HANDOVER_INCOMPLETE') {
    const missing = (f.missing ?? []).map((m) => t(m === 'what' ? 'missingWhat' : 'missingTimeLimit')).join(t('and'));
    return t(f.code, { name, missing });
  }
  return t(f.code, { name, count: f.count ?? 0 });
}
