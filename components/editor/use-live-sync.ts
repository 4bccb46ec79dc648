'use client';

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { EditorRights, FlowModelerHandle, PresenceMark } from '@/components/bpmn/flow-modeler';
import type { PresentPerson } from '@/lib/db/presence';
import { diffStates, type RecordState } from '@/lib/domain/records/record-state';
import { checkRights, fromEditorRights } from '@/lib/domain/records/rights';
import { initialSync, reduceSync, viewOf, type RemoteChange, type ReplacedNotice, type SyncEvent, type SyncState } from '@/lib/domain/records/sync-engine';
import type { Op } from '@/lib/domain/records/types';
import type { Refusal } from '@/lib/i18n/refusal-message';
import { announceHeadVersion } from './head-version-signal';
import { leavePresence, pendingStore, postBatch, postPresence } from './live-sync-transport';

export type LiveStatus =
  | { kind: 'loading' }
  | { kind: 'synced'; version: number }
  | { kind: 'saving'; pending: number }
  | { kind: 'offline'; pending: number }
  | { kind: 'signedOut'; pending: number };

export type LiveNotice =
  | { kind: 'replaced'; id: string; notice: ReplacedNotice }
  | { kind: 'refused'; id: string; refusal: Refusal }
  | { kind: 'undoCleared'; id: string };

const PRESENCE_MS = 4_000;
const MAX_RETRY_MS = 8_000;

type Options = {
  flowId: string;
  userId: string;
  initialVersion: number;
  modeler: RefObject<FlowModelerHandle | null>;
  rights: EditorRights;
  recordsOfXml: (xml: string) => Promise<RecordState>;
};

/**
 * Live co-editing for one open editor: each command goes out as a batch (one at a time, retried with
 * the same id until the server answers), every committed change comes in on the event stream and is
 * applied to the canvas (in place when it can be), pending batches are kept in the browser, and the
 * people who have the flow open are shown. The state itself is the pure reducer in sync-engine.
 */
export function useLiveSync({ flowId, userId, initialVersion, modeler, rights, recordsOfXml }: Options) {
  const stateRef = useRef<SyncState | null>(null);
  const [status, setStatus] = useState<LiveStatus>({ kind: 'loading' });
  const [notices, setNotices] = useState<LiveNotice[]>([]);
  const [people, setPeople] = useState<PresentPerson[]>([]);
  const clientId = useRef<string>('');
  const selection = useRef<string[]>([]);
  const ownTouched = useRef(new Set<string>());
  const suppressNext = useRef(false);
  const sending = useRef(false);
  const signedOut = useRef(false);
  const retryMs = useRef(500);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const rendering = useRef<Promise<void> | null>(null);
  const renderAgain = useRef(false);
  const waitingIdle = useRef(false);
  const flushWaiters = useRef<(() => void)[]>([]);
  const rightsRef = useRef(rights);
  rightsRef.current = rights;
  const store = useRef(pendingStore(flowId, userId));

  const notify = useCallback((notice: LiveNotice) => setNotices((list) => [...list.slice(-4), notice]), []);

  const refreshStatus = useCallback(() => {
    const state = stateRef.current;
    if (!state) return;
    const pending = state.pending.length;
    if (signedOut.current) setStatus({ kind: 'signedOut', pending });
    else if (!state.online) setStatus({ kind: 'offline', pending });
    else if (pending) setStatus({ kind: 'saving', pending });
    else setStatus({ kind: 'synced', version: state.confirmedVersion });
    announceHeadVersion(flowId, state.confirmedVersion);
    if (pending === 0) for (const resolve of flushWaiters.current.splice(0)) resolve();
  }, [flowId]);

  const render = useCallback(async (): Promise<void> => {
    const m = modeler.current;
    const state = stateRef.current;
    if (!m || !state) return;
    if (rendering.current) {
      renderAgain.current = true;
      return rendering.current;
    }
    // A drag or a label being typed is never disturbed: others' changes wait until it ends.
    if (m.isBusy()) {
      if (!waitingIdle.current) {
        waitingIdle.current = true;
        m.whenIdle(() => {
          waitingIdle.current = false;
          void render();
        });
      }
      return;
    }
    const run = (async () => {
      do {
        renderAgain.current = false;
        const target = viewOf(stateRef.current!);
        const current = m.snapshot();
        if (!current) return;
        const ops = diffStates(current, target);
        if (ops.length === 0) continue;
        if (m.applyRemote(ops)) {
          const after = m.snapshot();
          if (after && diffStates(after, target).length === 0) continue;
        }
        // Added, removed or re-parented elements: a full reset that keeps the view and the selection.
        if (m.clearUndo()) notify({ kind: 'undoCleared', id: crypto.randomUUID() });
        ownTouched.current.clear();
        await m.resetTo(target);
      } while (renderAgain.current);
    })();
    rendering.current = run;
    try {
      await run;
    } finally {
      rendering.current = null;
    }
  }, [modeler, notify]);

  const dispatch = useCallback(
    (event: SyncEvent) => {
      const state = stateRef.current;
      if (!state) return null;
      const out = reduceSync(state, event);
      stateRef.current = out.state;
      store.current.save(out.state.pending);
      for (const notice of out.replaced) notify({ kind: 'replaced', id: crypto.randomUUID(), notice });
      if (out.remoteIds.some((id) => ownTouched.current.has(id))) {
        // Undoing now could take back someone else's change along with one's own.
        if (modeler.current?.clearUndo()) notify({ kind: 'undoCleared', id: crypto.randomUUID() });
        ownTouched.current.clear();
      }
      refreshStatus();
      return out;
    },
    [modeler, notify, refreshStatus],
  );

  const pump = useCallback(async () => {
    const state = stateRef.current;
    if (!state || sending.current || signedOut.current) return;
    const next = state.pending.find((b) => b.committedAs === undefined);
    if (!next) return;
    sending.current = true;
    dispatch({ type: 'sending', batchId: next.batchId });
    const outcome = await postBatch(flowId, next);
    sending.current = false;
    if (outcome.kind === 'acked') {
      retryMs.current = 500;
      dispatch({ type: 'acked', batchId: next.batchId, version: outcome.version });
      void pump();
    } else if (outcome.kind === 'rejected') {
      dispatch({ type: 'rejected', batchId: next.batchId });
      notify({ kind: 'refused', id: crypto.randomUUID(), refusal: outcome.refusal });
      void render();
      void pump();
    } else if (outcome.kind === 'signedOut') {
      signedOut.current = true;
      refreshStatus();
    } else {
      dispatch({ type: 'offline' });
      if (retryTimer.current) clearTimeout(retryTimer.current);
      retryTimer.current = setTimeout(() => void pump(), retryMs.current);
      retryMs.current = Math.min(retryMs.current * 2, MAX_RETRY_MS);
    }
  }, [dispatch, flowId, notify, refreshStatus, render]);

  const reload = useCallback(async () => {
    const res = await fetch(`/api/flows/${encodeURIComponent(flowId)}/bpmn`, { cache: 'no-store' });
    if (!res.ok) return;
    const version = Number((res.headers.get('ETag') ?? '').replace(/\D/g, ''));
    const state = await recordsOfXml(await res.text());
    dispatch({ type: 'reset', state, version });
    await render();
  }, [dispatch, flowId, recordsOfXml, render]);

  const catchUp = useCallback(async () => {
    const state = stateRef.current;
    if (!state) return;
    const res = await fetch(`/api/flows/${encodeURIComponent(flowId)}/changes?after=${state.confirmedVersion}`, { cache: 'no-store' });
    if (!res.ok) return;
    const body = (await res.json()) as { changes?: RemoteChange[]; reset?: boolean };
    if (body.reset) return reload();
    for (const change of body.changes ?? []) dispatch({ type: 'remote', change });
    await render();
  }, [dispatch, flowId, reload, render]);

  /** The Modeler has opened the flow: start syncing from what it shows. */
  const start = useCallback(() => {
    const m = modeler.current;
    const snapshot = m?.snapshot();
    if (!m || !snapshot || stateRef.current) return;
    const pending = store.current.load();
    stateRef.current = initialSync(snapshot, initialVersion, pending);
    refreshStatus();
    if (pending.length) {
      for (const batch of pending) for (const op of batch.ops) ownTouched.current.add(op.id);
      void render();
      void pump();
    }
  }, [initialVersion, modeler, pump, refreshStatus, render]);

  const onLocalOps = useCallback(
    (ops: Op[], before: RecordState, after: RecordState) => {
      if (!stateRef.current) return;
      if (suppressNext.current) {
        suppressNext.current = false;
        return;
      }
      const refusal = checkRights(before, after, ops, fromEditorRights(rightsRef.current));
      if (refusal) {
        // The server would refuse it: take it back at once, and say why.
        suppressNext.current = true;
        modeler.current?.undoLast();
        notify({ kind: 'refused', id: crypto.randomUUID(), refusal: { reason: refusal.reason, message: refusal.reason, elementIds: refusal.elementIds } as Refusal });
        return;
      }
      for (const op of ops) ownTouched.current.add(op.id);
      dispatch({ type: 'local', batch: { batchId: crypto.randomUUID(), ops } });
      void pump();
    },
    [dispatch, modeler, notify, pump],
  );

  /** Puts the user's own value back after someone replaced it: a new change of theirs. */
  const putBack = useCallback(
    (notice: ReplacedNotice) => {
      setNotices((list) => list.filter((n) => !(n.kind === 'replaced' && n.notice === notice)));
      const op: Op = { op: 'patch', id: notice.elementId, fields: { [notice.field]: notice.mine } };
      if (!stateRef.current?.confirmed.byId.has(notice.elementId)) return;
      dispatch({ type: 'local', batch: { batchId: crypto.randomUUID(), ops: [op] } });
      void render();
      void pump();
    },
    [dispatch, pump, render],
  );

  const dismiss = useCallback((id: string) => setNotices((list) => list.filter((n) => n.id !== id)), []);

  /** Resolves once every pending change is committed (before naming a version). */
  const flush = useCallback(() => {
    const state = stateRef.current;
    if (!state || state.pending.length === 0) return Promise.resolve();
    void pump();
    return new Promise<void>((resolve) => flushWaiters.current.push(resolve));
  }, [pump]);

  const hasPending = useCallback(() => (stateRef.current?.pending.length ?? 0) > 0, []);

  const onSelection = useCallback(
    (ids: string[]) => {
      selection.current = ids;
      if (clientId.current) postPresence(flowId, { clientId: clientId.current, mode: 'edit', selection: ids });
    },
    [flowId],
  );

  // The event stream: every committed change, presence, and a reset when the log cannot bridge a gap.
  useEffect(() => {
    if (status.kind === 'loading') return;
    const version = stateRef.current?.confirmedVersion ?? initialVersion;
    const source = new EventSource(`/api/flows/${encodeURIComponent(flowId)}/events?after=${version}`);
    source.onmessage = (e) => {
      const change = JSON.parse(e.data) as RemoteChange;
      const out = dispatch({ type: 'remote', change });
      if (out?.state.needsCatchUp) void catchUp();
      else if (out && (out.remoteIds.length || out.state.pending.length)) void render();
    };
    source.addEventListener('reset', () => void reload());
    source.addEventListener('presence', (e) => {
      const body = JSON.parse((e as MessageEvent).data) as { people: PresentPerson[] };
      setPeople(body.people.filter((p) => p.clientId !== clientId.current));
    });
    source.onopen = () => {
      dispatch({ type: 'online' });
      void pump();
    };
    return () => source.close();
    // The stream lives as long as the editor; reconnecting is EventSource's own job (Last-Event-ID).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status.kind === 'loading', flowId]);

  // Presence: this screen says it is here every few seconds, and goes away when the page does.
  useEffect(() => {
    if (status.kind === 'loading') return;
    clientId.current ||= crypto.randomUUID();
    const beat = () => postPresence(flowId, { clientId: clientId.current, mode: 'edit', selection: selection.current });
    beat();
    const timer = setInterval(beat, PRESENCE_MS);
    const leave = () => leavePresence(flowId, clientId.current);
    const online = () => {
      dispatch({ type: 'online' });
      void pump();
    };
    window.addEventListener('pagehide', leave);
    window.addEventListener('online', online);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pagehide', leave);
      window.removeEventListener('online', online);
      leave();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status.kind === 'loading', flowId]);

  // Others' selections, outlined on the canvas in their organisation's colour.
  useEffect(() => {
    const marks: PresenceMark[] = people.flatMap((p) => p.selection.map((elementId) => ({ elementId, name: p.name, colour: p.colour ?? '#555555' })));
    modeler.current?.showPresence(marks);
  }, [people, modeler]);

  useEffect(() => () => void (retryTimer.current && clearTimeout(retryTimer.current)), []);

  return { status, notices, people, start, onLocalOps, onSelection, putBack, dismiss, flush, hasPending };
}
