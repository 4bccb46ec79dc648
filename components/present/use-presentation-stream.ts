'use client';

import { useEffect, useState } from 'react';

export type PresenterPosition = { stepIndex: number; overview: boolean };

/**
 * The presenter's step as the follower's event stream reports it (EventSource reconnects by itself);
 * `ended` once the session has ended, expired or, for a guest, had its link revoked.
 */
export function usePresentationStream(url: string | null, initial: PresenterPosition): { position: PresenterPosition; ended: boolean } {
  const [position, setPosition] = useState(initial);
  const [ended, setEnded] = useState(false);
  useEffect(() => {
    if (!url) return;
    const source = new EventSource(url);
    source.addEventListener('step', (e) => {
      try {
        const data = JSON.parse((e as MessageEvent<string>).data) as PresenterPosition;
        setPosition({ stepIndex: data.stepIndex, overview: Boolean(data.overview) });
      } catch {
        // not ours: ignore
      }
    });
    source.addEventListener('ended', () => {
      setEnded(true);
      source.close();
    });
    return () => source.close();
  }, [url]);
  return { position, ended };
}

/** Sends the presenter's moves one at a time, the newest winning: a burst of key presses ends where the presenter stopped. */
export function presenterMoves(code: string): (position: PresenterPosition) => void {
  let sending = false;
  let next: PresenterPosition | null = null;
  const pump = async () => {
    if (sending) return;
    sending = true;
    try {
      while (next) {
        const body = JSON.stringify(next);
        next = null;
        await fetch(`/api/presentations/${code}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body }).catch(() => undefined);
      }
    } finally {
      sending = false;
    }
  };
  return (position) => {
    next = position;
    void pump();
  };
}
