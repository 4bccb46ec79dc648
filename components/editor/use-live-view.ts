'use client';

import { useEffect, useRef, useState } from 'react';
import type { PresentPerson } from '@/lib/db/presence';
import { announceHeadVersion } from './head-version-signal';
import { leavePresence, postPresence } from './live-sync-transport';

/**
 * A read-only screen that follows the flow live: each committed change on the event stream fetches
 * the head again (a viewer has no undo history to keep, so a re-import is all it takes; the viewer
 * keeps its view), and the screen shows as "viewing" in everyone's presence list.
 */
export function useLiveView(flowId: string, initialXml: string, initialVersion: number) {
  const [xml, setXml] = useState(initialXml);
  const [people, setPeople] = useState<PresentPerson[]>([]);
  const version = useRef(initialVersion);
  const fetching = useRef(false);
  const again = useRef(false);

  useEffect(() => {
    const clientId = crypto.randomUUID();
    const refresh = async () => {
      if (fetching.current) {
        again.current = true;
        return;
      }
      fetching.current = true;
      try {
        do {
          again.current = false;
          const res = await fetch(`/api/flows/${encodeURIComponent(flowId)}/bpmn`, { cache: 'no-store' });
          if (!res.ok) return;
          const head = Number((res.headers.get('ETag') ?? '').replace(/\D/g, ''));
          if (head > version.current) {
            version.current = head;
            setXml(await res.text());
            announceHeadVersion(flowId, head);
          }
        } while (again.current);
      } finally {
        fetching.current = false;
      }
    };
    const source = new EventSource(`/api/flows/${encodeURIComponent(flowId)}/events?after=${initialVersion}`);
    source.onmessage = (e) => {
      const change = JSON.parse(e.data) as { version?: number };
      if ((change.version ?? 0) > version.current) void refresh();
    };
    source.addEventListener('reset', () => void refresh());
    source.addEventListener('presence', (e) => {
      const body = JSON.parse((e as MessageEvent).data) as { people: PresentPerson[] };
      setPeople(body.people.filter((p) => p.clientId !== clientId));
    });
    const beat = () => postPresence(flowId, { clientId, mode: 'view', selection: [] });
    beat();
    const timer = setInterval(beat, 4_000);
    const leave = () => leavePresence(flowId, clientId);
    window.addEventListener('pagehide', leave);
    return () => {
      source.close();
      clearInterval(timer);
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [flowId, initialVersion]);

  return { xml, people };
}
