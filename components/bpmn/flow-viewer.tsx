'use client';

import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import stafettDescriptor from '@/lib/bpmn/stafett.json';
import { fitDiagram } from './fit-diagram';
import { diffMarker, type DiagramExport, type DiffColour } from './diagram-handle';
import stepDetailsModule from './modules/step-details';
import { stepDetailsBridge, type StepDetailsHandle } from './step-details-handle';
import './bpmn-css';

export type FlowViewerProps = {
  xml: string;
  /** Elements to colour, e.g. for a visual diff of two revisions. */
  colours?: Record<string, DiffColour>;
  onError?: (message: string) => void;
  ariaLabel: string;
  className?: string;
  ref?: Ref<FlowViewerHandle>;
};

/** Exports, and the step details read-only (selecting and reading; no writes in a Viewer). */
export type FlowViewerHandle = DiagramExport & StepDetailsHandle;

type Canvas = Parameters<typeof fitDiagram>[0] & {
  addMarker(id: string, cls: string): void;
  removeMarker(id: string, cls: string): void;
};
type ElementRegistry = { get(id: string): unknown };

/** Read-only diagram (bpmn-js NavigatedViewer: pan and zoom, no editing). Lighter than the Modeler. */
export function FlowViewer({ xml, colours, onError, ariaLabel, className, ref }: FlowViewerProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const viewerRef = useRef<Promise<NavigatedViewer> | null>(null);
  const appliedRef = useRef<Record<string, DiffColour>>({});
  const coloursRef = useRef(colours);
  coloursRef.current = colours;
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  const details = useRef(stepDetailsBridge()).current;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let alive = true;
    const created = import('bpmn-js/lib/NavigatedViewer').then(({ default: Viewer }) => {
      const viewer = new Viewer({ container, moddleExtensions: { stafett: stafettDescriptor }, additionalModules: [stepDetailsModule] });
      if (alive) details.attach(viewer);
      return viewer;
    });
    viewerRef.current = created;
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

  useEffect(() => {
    let current = true;
    void viewerRef.current
      ?.then(async (viewer) => {
        await viewer.importXML(xml);
        if (!current) return;
        appliedRef.current = {};
        fitDiagram(viewer.get<Canvas>('canvas'));
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
