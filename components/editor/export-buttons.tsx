'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import type { DiagramExport } from '@/components/bpmn/diagram-handle';
import { downloadBlob, safeFileName, svgToPng } from './diagram-files';
import { toolbarButton } from './editor-toolbar';

type Props = { flowName: string; diagram: () => DiagramExport | null };

/** "Ladda ner BPMN / SVG / PNG" of what is on the canvas now (saved or not). */
export function ExportButtons({ flowName, diagram }: Props) {
  const t = useTranslations('editor');
  const [error, setError] = useState<string | null>(null);

  async function run(kind: 'bpmn' | 'svg' | 'png') {
    setError(null);
    try {
      const source = diagram();
      if (!source) throw new Error('…');
      if (kind === 'bpmn') {
        const xml = await source.getXml();
        downloadBlob(new Blob([xml], { type: 'application/xml' }), safeFileName(flowName, 'bpmn'));
      } else if (kind === 'svg') {
        const svg = await source.getSvg();
        downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), safeFileName(flowName, 'svg'));
      } else {
        downloadBlob(await svgToPng(await source.getSvg(), 2), safeFileName(flowName, 'png'));
      }
    } catch (e) {
      setError(t('exportFailed', { message: e instanceof Error ? e.message : String(e) }));
    }
  }

  // Short visible labels ("BPMN") after one "Download:" keep the toolbar on one line; each button's
  // name still starts with its visible text's context ("Ladda ner BPMN", WCAG 2.5.3).
  return (
    <>
      <span aria-hidden="true" className="text-sm text-muted">
        {t('download')}
      </span>
      <button type="button" className={toolbarButton} aria-label={t('downloadBpmn')} onClick={() => void run('bpmn')}>
        BPMN
      </button>
      <button type="button" className={toolbarButton} aria-label={t('downloadSvg')} onClick={() => void run('svg')}>
        SVG
      </button>
      <button type="button" className={toolbarButton} aria-label={t('downloadPng')} onClick={() => void run('png')}>
        PNG
      </button>
      {error && (
        <span role="alert" className="text-sm text-danger">
          {error}
        </span>
      )}
    </>
  );
}
