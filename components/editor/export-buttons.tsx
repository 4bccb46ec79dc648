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

  return (
    <>
      <button type="button" className={toolbarButton} onClick={() => void run('bpmn')}>
        {t('downloadBpmn')}
      </button>
      <button type="button" className={toolbarButton} onClick={() => void run('svg')}>
        {t('downloadSvg')}
      </button>
      <button type="button" className={toolbarButton} onClick={() => void run('png')}>
        {t('downloadPng')}
      </button>
      {error && (
        <span role="alert" className="text-sm text-danger">
          {error}
        </span>
      )}
    </>
  );
}
