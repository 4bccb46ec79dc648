'use client';

import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import { useLocale } from 'next-intl';
import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import stafettDescriptor from '@/lib/bpmn/stafett.json';
import { fitDiagram } from './fit-diagram';
import { diffMarker, type DiagramExport, type DiffColour } from './diagram-handle';
import canvasControlsModule from './modules/canvas-controls';
import commentBadgesModule, { type CommentBadge, type CommentBadgesService } from './modules/comment-badges';
import swedishTranslateModule from './modules/swedish-translate';
import type UiLocale from './modules/swedish-translate/ui-locale';
import wordBreakModule from './modules/word-break';
import stepDetailsModule from './modules/step-details';
import { stepDetailsBridge, type StepDetailsHandle } from './step-details-handle';
import './bpmn-css';

/** Where the canvas looks: its top-left corner in diagram units and its zoom. */
export type CanvasView = { x: number; y: number; scale: number };

/** The viewer's window for its page: the exports, and showing a view (to follow another canvas). */
export type FlowViewerHandle = DiagramExport &
  StepDetailsHandle & {
    showView(view: CanvasView): void;
    /** Open comment threads per element, as badges (components/bpmn/modules/comment-badges). */
    showCommentBadges(badges: readonly CommentBadge[], label?: (count: number) => string): void;
  };

export type FlowViewerProps = {
  xml: string;
  /** Elements to colour, e.g. for a visual diff of two revisions. */
  colours?: Record<string, DiffColour>;
  onError?: (message: string) => void;
  ariaLabel: string;
  className?: string;
  /** Called when the person pans or zooms (not for views set through `showView`). */
  onViewChange?: (view: CanvasView) => void;
  ref?: Ref<FlowViewerHandle>;
};


type Canvas = Parameters<typeof fitDiagram>[0] & {
  addMarker(id: string, cls: string): void;
  removeMarker(id: string, cls: string): void;
};
type ElementRegistry = { get(id: string): unknown };
type ViewboxEvents = { on(event: 'canvas.viewbox.changed', callback: (e: { viewbox: CanvasView }) => void): void };

/** Read-only diagram (bpmn-js NavigatedViewer: pan and zoom, no editing). Lighter than the Modeler. */
export function FlowViewer({ xml, colours, onError, ariaLabel, className, onViewChange, ref }: FlowViewerProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const viewerRef = useRef<Promise<NavigatedViewer> | null>(null);
  const appliedRef = useRef<Record<string, DiffColour>>({});
  const coloursRef = useRef(colours);
  coloursRef.current = colours;
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  const locale = useLocale();
  const initialLocale = useRef(locale);
  const onViewChangeRef = useRef(onViewChange);
  onViewChangeRef.current = onViewChange;
  // Set while a view from outside is applied, so following another canvas does not echo back to it.
  const applyingView = useRef(false);
  const details = useRef(stepDetailsBridge()).current;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let alive = true;
    const created = import('bpmn-js/lib/NavigatedViewer').then(({ default: Viewer }) => {
      const viewer = new Viewer({
        container,
        moddleExtensions: { stafett: stafettDescriptor },
        additionalModules: [swedishTranslateModule, canvasControlsModule, wordBreakModule, stepDetailsModule, commentBadgesModule],
        uiLocale: { locale: initialLocale.current },
      });
      if (alive) details.attach(viewer);
      return viewer;
    });
    viewerRef.current = created;
    void created.then((viewer) =>
      viewer.get<ViewboxEvents>('eventBus').on('canvas.viewbox.changed', ({ viewbox }) => {
        if (!applyingView.current) onViewChangeRef.current?.({ x: viewbox.x, y: viewbox.y, scale: viewbox.scale });
      }),
    );
    // diagram-js caches the container's size; tell it when the page around it changes the canvas's size.
    const observer = new ResizeObserver(() => void created.then((viewer) => viewer.get<{ resized(): void }>('canvas').resized()));
    observer.observe(container);
    return () => {
      alive = false;
      details.attach(null);
      observer.disconnect();
      viewerRef.current = null;
      void created.then((viewer) => viewer.destroy());
    };
  }, []);

  const imported = useRef(false);
  useEffect(() => {
    let current = true;
    void viewerRef.current
      ?.then(async (viewer) => {
        // A later diagram (a live change) keeps where the person was looking; the first one is fitted.
        const canvas = viewer.get<Canvas & { viewbox(box?: { x: number; y: number; width: number; height: number }): { x: number; y: number; width: number; height: number } }>('canvas');
        const keep = imported.current ? canvas.viewbox() : null;
        await viewer.importXML(xml);
        if (!current) return;
        imported.current = true;
        appliedRef.current = {};
        if (keep) canvas.viewbox({ x: keep.x, y: keep.y, width: keep.width, height: keep.height });
        else fitDiagram(viewer.get<Canvas>('canvas'));
        applyColours(viewer, appliedRef, coloursRef.current ?? {});
      })
      .catch((e: unknown) => {
        if (current) onErrorRef.current?.(e instanceof Error ? e.message : String(e));
      });
    return () => {
      current = false;
    };
  }, [xml]);

  useEffect(() => {
    void viewerRef.current?.then((viewer) => applyColours(viewer, appliedRef, colours ?? {}));
  }, [colours]);

  useEffect(() => {
    void viewerRef.current?.then((viewer) => viewer.get<UiLocale>('uiLocale').set(locale));
  }, [locale]);

  useImperativeHandle(ref, () => ({
    ...details.handle,
    async getXml() {
      const viewer = await viewerRef.current;
      const { xml: out } = (await viewer!.saveXML({ format: true })) as { xml: string };
      return out;
    },
    async getSvg() {
      const viewer = await viewerRef.current;
      return (await viewer!.saveSVG()).svg;
    },
    showCommentBadges(badges, label) {
      void viewerRef.current?.then((viewer) => viewer.get<CommentBadgesService>('commentBadges').show(badges, label));
    },
    showView(view) {
      void viewerRef.current?.then((viewer) => {
        const canvas = viewer.get<Canvas>('canvas');
        const { outer } = canvas.viewbox();
        applyingView.current = true;
        try {
          canvas.viewbox({ x: view.x, y: view.y, width: outer.width / view.scale, height: outer.height / view.scale });
        } finally {
          applyingView.current = false;
        }
      });
    },
  }));

  return (
    <div
      ref={containerRef}
      role="region"
      aria-label={ariaLabel}
      className={`stafett-canvas ${className ?? 'h-full w-full'}`}
    />
  );
}

/** Swaps the diff markers on the canvas: removes the previous ones, adds those of elements that exist. */
function applyColours(
  viewer: NavigatedViewer,
  appliedRef: { current: Record<string, DiffColour> },
  colours: Record<string, DiffColour>,
) {
  const canvas = viewer.get<Canvas>('canvas');
  const registry = viewer.get<ElementRegistry>('elementRegistry');
  for (const [id, colour] of Object.entries(appliedRef.current)) {
    if (registry.get(id)) canvas.removeMarker(id, diffMarker(colour));
  }
  const applied: Record<string, DiffColour> = {};
  for (const [id, colour] of Object.entries(colours)) {
    if (!registry.get(id)) continue;
    canvas.addMarker(id, diffMarker(colour));
    applied[id] = colour;
  }
  appliedRef.current = applied;
}
