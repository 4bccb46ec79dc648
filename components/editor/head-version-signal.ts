'use client';

import { useEffect, useState } from 'react';

// The head version the screen's live connection has reached, for parts of the page outside the editor
// (the approval banner): the editor and the live viewer announce it, the banner listens. One stream
// per screen stays one stream.

const EVENT = 'stafett:head-version';
type Detail = { flowId: string; version: number };

export function announceHeadVersion(flowId: string, version: number): void {
  window.dispatchEvent(new CustomEvent<Detail>(EVENT, { detail: { flowId, version } }));
}

/** The newest head version announced for the flow, starting from the page's. */
export function useHeadVersion(flowId: string, initial: number): number {
  const [version, setVersion] = useState(initial);
  useEffect(() => {
    const on = (e: Event) => {
      const { detail } = e as CustomEvent<Detail>;
      if (detail.flowId === flowId) setVersion((v) => Math.max(v, detail.version));
    };
    window.addEventListener(EVENT, on);
    return () => window.removeEventListener(EVENT, on);
  }, [flowId]);
  return version;
}
