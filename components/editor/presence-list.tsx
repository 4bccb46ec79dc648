'use client';

import { useTranslations } from 'next-intl';
import type { PresentPerson } from '@/lib/db/presence';

/** Who else has the flow open now, in their organisation's colour, viewing or editing. */
export function PresenceList({ people }: { people: PresentPerson[] }) {
  const t = useTranslations('editor.presence');
  // One entry per person, however many screens they have open; editing wins over viewing.
  const byUser = new Map<string, PresentPerson>();
  for (const p of people) {
    const seen = byUser.get(p.userId);
    if (!seen || (p.mode === 'edit' && seen.mode === 'view')) byUser.set(p.userId, p);
  }
  const list = [...byUser.values()];
  return (
    // One line of fixed height: people coming and going must never move the canvas below.
    <section aria-label={t('label')} className="flex h-7 min-w-0 max-w-full items-center gap-2 overflow-hidden text-sm">
      {list.length === 0 ? (
        <span className="text-muted">{t('alone')}</span>
      ) : (
        <ul className="flex flex-nowrap gap-2" aria-label={t('label')}>
          {list.map((p) => (
            <li key={p.userId} className="flex shrink-0 items-center gap-1 whitespace-nowrap rounded-full border border-gray-300 px-2 py-0.5" data-presence-user={p.userId}>
              <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full" ref={(el) => void (el && (el.style.backgroundColor = p.colour ?? '#555555'))} />
              <span>{p.name}</span>
              <span className="text-muted">
                {p.organisationName ? `(${p.organisationName}) ` : ''}
                {p.mode === 'edit' ? t('editing') : t('viewing')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
