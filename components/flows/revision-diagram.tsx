'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { FlowViewer } from '@/components/bpmn/flow-viewer';
import type { DiffColour } from '@/components/bpmn/diagram-handle';

type Props = { xml: string; label: string; colours?: Record<string, DiffColour>; height?: string };

/** A read-only revision on the canvas, with a message in words when bpmn-js cannot draw it. */
export function RevisionDiagram({ xml, label, colours, height = 'h-[60vh]' }: Props) {
  const t = useTranslations('history');
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      {error ? (
        <p role="alert" className="mb-2 rounded border-2 border-danger bg-red-50 p-3">{t('revision.renderError', { reason: error })}</p>
      ) : null}
      <FlowViewer xml={xml} colours={colours} onError={setError} ariaLabel={label} className={`${height} w-full rounded border border-gray-400`} />
    </div>
  );
}
