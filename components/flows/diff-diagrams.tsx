'use client';

import { useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import type { DiffColour } from '@/components/bpmn/diagram-handle';
import { FlowViewer, type CanvasView, type FlowViewerHandle } from '@/components/bpmn/flow-viewer';

type Side = { xml: string; colours: Record<string, DiffColour>; heading: string; label: string };
type Props = { before: Side; after: Side };

/**
 * The two revisions of a visual diff side by side (one above the other on a narrow screen), each at a
 * readable zoom, panning and zooming together: both are the same flow, so one view fits both.
 */
export function DiffDiagrams({ before, after }: Props) {
  const beforeRef = useRef<FlowViewerHandle>(null);
  const afterRef = useRef<FlowViewerHandle>(null);
  const follow = (other: typeof beforeRef) => (view: CanvasView) => other.current?.showView(view);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <DiffSide side={before} id="from" viewer={beforeRef} onViewChange={follow(afterRef)} />
      <DiffSide side={after} id="to" viewer={afterRef} onViewChange={follow(beforeRef)} />
    </div>
  );
}

function DiffSide({
  side,
  id,
  viewer,
  onViewChange,
}: {
  side: Side;
  id: string;
  viewer: React.RefObject<FlowViewerHandle | null>;
  onViewChange: (view: CanvasView) => void;
}) {
  const t = useTranslations('history');
  const [error, setError] = useState<string | null>(null);
  return (
    <section aria-labelledby={`${id}-title`} className="min-w-0 space-y-2">
      <h2 id={`${id}-title`} className="text-xl font-semibold">
        {side.heading}
      </h2>
      {error ? <p role="alert" className="rounded border-2 border-danger bg-red-50 p-3">{t('revision.renderError', { reason: error })}</p> : null}
      <FlowViewer
        ref={viewer}
        xml={side.xml}
        colours={side.colours}
        onError={setError}
        onViewChange={onViewChange}
        ariaLabel={side.label}
        className="h-[65vh] w-full rounded border border-gray-400"
      />
    </section>
  );
}
