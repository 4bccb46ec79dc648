'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { buttonClass, inputClass } from './form-controls';

/** The invitation link in a read-only field, with a button that copies it. */
export function CopyLink({ link }: { link: string }) {
  const t = useTranslations('organisation.members');
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // Clipboard refused (no permission, insecure context): the field stays selectable by hand.
      setCopied(false);
    }
  }
  return (
    <div className="mt-3">
      <label htmlFor="invitation-link" className="block font-medium">
        {t('linkLabel')}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input id="invitation-link" readOnly value={link} className={`${inputClass} max-w-xl font-mono text-sm`} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" onClick={copy} className={buttonClass.secondary}>
          {t('copy')}
        </button>
      </div>
      <p role="status" className="mt-1 text-sm text-ok">
        {copied ? t('copied') : ''}
      </p>
    </div>
  );
}
