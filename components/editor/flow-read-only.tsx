'use client';

import { useCallback, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { FlowViewer, type FlowViewerHandle } from '@/components/bpmn/flow-viewer';
import { CommentsPanel, type CommentsContext } from '@/components/comments/comments-panel';
import { EditorToolbar } from './editor-toolbar';
import { ExportButtons } from './export-buttons';
import { StepDetailsPanel, type PanelCatalogue } from './step-details-panel';
import { PresenceList } from './presence-list';
import { useFillHeight } from './use-fill-height';
import { useLiveView } from './use-live-view';

/** The flow for people who may only view it: the lighter Viewer plus the downloads. */
type Props = {
  flow: { id: string; name: string };
  xml: string;
  version: number;
  details?: { catalogue: PanelCatalogue; initialElementId?: string };
  comments?: CommentsContext;
};

const NEVER = () => false;

export function FlowReadOnly({ flow, xml: initialXml, version, details, comments }: Props) {
  const t = useTranslations('editor');
  const viewer = useRef<FlowViewerHandle>(null);
  const canvasBox = useFillHeight<HTMLDivElement>();
  const [error, setError] = useState<string | null>(null);
  const { xml, people } = useLiveView(flow.id, initialXml, version);
  const commentsDiagram = useCallback(() => viewer.current, []);
  return (
    <div className="flex flex-col">
      <div className="flex flex-wrap items-center gap-3 border-b border-gray-200 px-4 py-2">
        <EditorToolbar label={t('toolbarLabel')}>
          <ExportButtons flowName={flow.name} diagram={() => viewer.current} />
        </EditorToolbar>
        <p className="text-sm text-muted">{t('readOnly')}</p>
        <PresenceList people={people} />
        {error && (
          <p role="alert" className="text-sm text-danger">
            {t('loadFailed', { message: error })}
          </p>
        )}
      </div>
      {/* Side by side on wide screens; below the canvas elsewhere, so the canvas keeps the screen. */}
      <div className="flex flex-col min-[1440px]:flex-row">
        <div ref={canvasBox} className="relative min-w-0 min-[1440px]:flex-1">
          <FlowViewer ref={viewer} xml={xml} ariaLabel={t('viewerLabel', { name: flow.name })} onError={setError} />
        </div>
        {details && <StepDetailsPanel diagram={() => viewer.current} readOnly catalogue={details.catalogue} initialElementId={details.initialElementId} />}
      </div>
      {comments && <CommentsPanel flowId={flow.id} diagram={commentsDiagram} mayEdit={NEVER} context={comments} />}
    </div>
  );
}
