'use client';

import { useEffect, useRef } from 'react';
import { useLocale } from 'next-intl';
import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import stafettDescriptor from '@/lib/bpmn/stafett.json';
import { fitDiagram } from './fit-diagram';
import canvasControlsModule from './modules/canvas-controls';
import commentBadgesModule, { type CommentBadge, type CommentBadgesService } from './modules/comment-badges';
import swedishTranslateModule from './modules/swedish-translate';
import type UiLocale from './modules/swedish-translate/ui-locale';
import wordBreakModule from './modules/word-break';
import './bpmn-css';
import './present-canvas.css';

// Present mode's diagram (issue 13): read-only, the current step highlighted and centred at a zoom
// where its label reads from the back of a room, its lane and pool emphasised, the rest dimmed; or the
// whole flow (the overview). Only this component touches bpmn-js for present mode.

/** bpmn-js writes external labels (events, gateways, flows) at 11 px and task labels at 12 px. */
const SMALLEST_LABEL_PX = 11;
/** Labels of the current step at least 18 px on screen (issue 13: readable on a 1280×720 projector). */
export const PRESENT_LABEL_PX = 18;
// A little above the bare ratio, so rounding never lands a hair under 18 px.
export const PRESENT_SCALE = (PRESENT_LABEL_PX + 0.5) / SMALLEST_LABEL_PX;

export type PresentFocus = {
  /** The step's element (a flow node or a message flow). */
  elementId: string;
  /** Lanes, pools and the ends of a handover, shown undimmed with the step. */
  context: string[];
};

type Box = { x: number; y: number; width: number; height: number };
type Canvas = Parameters<typeof fitDiagram>[0] & {
  addMarker(id: string, cls: string): void;
  removeMarker(id: string, cls: string): void;
  getContainer(): HTMLElement;
  resized(): void;
};
type Element = { id: string; x?: number; y?: number; width?: number; height?: number; waypoints?: { x: number; y: number }[]; label?: Element };
type Registry = { get(id: string): Element | undefined };
type Minimap = { toggle(open?: boolean): void; isOpen(): boolean };

const CURRENT = 'stafett-present-current';
const CONTEXT = 'stafett-present-context';
/** An external label (events, gateways, flows) stays undimmed with its element, without the outline. */
const LABEL = 'stafett-present-label';

export function PresentViewer({
  xml,
  focus,
  overview,
  ariaLabel,
  onError,
  badges = [],
  badgeLabel,
}: {
  xml: string;
  focus: PresentFocus | null;
  overview: boolean;
  ariaLabel: string;
  onError?: (message: string) => void;
  /** Open comment threads per element (issue 14), for people signed in. */
  badges?: readonly CommentBadge[];
  badgeLabel?: (count: number) => string;
}) {
  const containerRef = useRef<HTMLDivElement>(null);
  const viewerRef = useRef<Promise<NavigatedViewer> | null>(null);
  const importedRef = useRef<Promise<void> | null>(null);
  const marked = useRef<{ id: string; cls: string }[]>([]);
  const locale = useLocale();
  const initialLocale = useRef(locale);
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  const view = useRef({ focus, overview });
  view.current = { focus, overview };

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const created = import('bpmn-js/lib/NavigatedViewer').then(
      ({ default: Viewer }) =>
        new Viewer({
          container,
          moddleExtensions: { stafett: stafettDescriptor },
          additionalModules: [swedishTranslateModule, canvasControlsModule, wordBreakModule, commentBadgesModule],
          uiLocale: { locale: initialLocale.current },
        }),
    );
    viewerRef.current = created;
    // The canvas keeps the step centred when the window (or the phone's orientation) changes.
    const observer = new ResizeObserver(() =>
      void created.then((viewer) => {
        viewer.get<Canvas>('canvas').resized();
        if (importedRef.current) show(viewer, view.current.focus, view.current.overview, marked);
      }),
    );
    observer.observe(container);
    return () => {
      observer.disconnect();
      viewerRef.current = null;
      void created.then((viewer) => viewer.destroy());
    };
  }, []);

  useEffect(() => {
    let current = true;
    const done = viewerRef.current?.then(async (viewer) => {
      await viewer.importXML(xml);
      if (!current) return;
      marked.current = [];
      // The overview map would cover part of the room's view; the overview key shows the whole flow instead.
      const minimap = viewer.get<Minimap | null>('minimap', false);
      if (minimap?.isOpen()) minimap.toggle(false);
      show(viewer, view.current.focus, view.current.overview, marked);
    });
    importedRef.current =
      done?.catch((e: unknown) => {
        if (current) onErrorRef.current?.(e instanceof Error ? e.message : String(e));
      }) ?? null;
    return () => {
      current = false;
    };
  }, [xml]);

  useEffect(() => {
    void importedRef.current?.then(() => viewerRef.current?.then((viewer) => show(viewer, focus, overview, marked)));
  }, [focus, overview]);

  useEffect(() => {
    void importedRef.current?.then(() => viewerRef.current?.then((viewer) => viewer.get<CommentBadgesService>('commentBadges').show(badges, badgeLabel)));
  }, [badges, badgeLabel, xml]);

  useEffect(() => {
    void viewerRef.current?.then((viewer) => viewer.get<UiLocale>('uiLocale').set(locale));
  }, [locale]);

  return (
    <div
      ref={containerRef}
      role="region"
      aria-label={ariaLabel}
      data-overview={overview ? 'true' : 'false'}
      className={`stafett-canvas stafett-present-canvas h-full w-full ${focus ? 'stafett-present-dim' : ''}`}
    />
  );
}

function show(viewer: NavigatedViewer, focus: PresentFocus | null, overview: boolean, marked: { current: { id: string; cls: string }[] }) {
  const canvas = viewer.get<Canvas>('canvas');
  const registry = viewer.get<Registry>('elementRegistry');
  for (const { id, cls } of marked.current) if (registry.get(id)) canvas.removeMarker(id, cls);
  marked.current = [];
  const mark = (id: string, cls: string) => {
    const element = registry.get(id);
    if (!element) return;
    canvas.addMarker(id, cls);
    marked.current.push({ id, cls });
    if (element.label) {
      canvas.addMarker(element.label.id, LABEL);
      marked.current.push({ id: element.label.id, cls: LABEL });
    }
  };
  if (focus) {
    mark(focus.elementId, CURRENT);
    for (const id of focus.context) mark(id, CONTEXT);
  }
  const element = focus ? registry.get(focus.elementId) : undefined;
  // A handover can cross the whole diagram: centre on its label, which is what must be read.
  const box = element ? ((element.waypoints && element.label ? boxOf(element.label) : null) ?? boxOf(element)) : null;
  if (overview || !box) {
    fitDiagram(canvas, { minScale: 0, padding: 16 });
    return;
  }
  const { outer } = canvas.viewbox();
  const width = outer.width / PRESENT_SCALE;
  const height = outer.height / PRESENT_SCALE;
  canvas.viewbox({ x: box.x + box.width / 2 - width / 2, y: box.y + box.height / 2 - height / 2, width, height });
}

/** A shape's bounds, or the box around a connection's waypoints, with its label. */
function boxOf(element: Element): Box | null {
  const points = element.waypoints
    ? element.waypoints
    : element.x !== undefined && element.y !== undefined
      ? [
          { x: element.x, y: element.y },
          { x: element.x + (element.width ?? 0), y: element.y + (element.height ?? 0) },
        ]
      : [];
  if (points.length === 0) return null;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}
