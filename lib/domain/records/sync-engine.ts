import { applyOps, jsonEqual, type RecordState } from './record-state';
import type { Json, Op } from './types';

// The editor's sync state as a pure reducer: what the server has confirmed (the head as this screen
// knows it), the local batches not yet committed, and what the screen should show (confirmed plus
// pending). The hook only wires it to fetch, the event stream and bpmn-js.

export type PendingBatch = { batchId: string; ops: Op[]; committedAs?: number };

export type RemoteChange = { version: number; batchId: string; authorId: string; authorName: string; ops: Op[] };

/** Someone else's commit replaced a value this user had committed: shown with a way to put it back. */
export type ReplacedNotice = { elementId: string; field: string; mine: Json; theirs: Json | null; by: string };

export type SyncState = {
  confirmed: RecordState;
  confirmedVersion: number;
  pending: PendingBatch[];
  /** The batch being sent now (always pending[0] when set). */
  sending: string | null;
  online: boolean;
  /** Values this user committed last, per element and field: to tell them when someone replaces one. */
  mine: Record<string, Json>;
  /** A change arrived out of order: the screen must catch up from the server. */
  needsCatchUp: boolean;
};

export type SyncEvent =
  | { type: 'local'; batch: PendingBatch }
  | { type: 'sending'; batchId: string }
  | { type: 'acked'; batchId: string; version: number }
  | { type: 'rejected'; batchId: string }
  | { type: 'offline' }
  | { type: 'online' }
  | { type: 'remote'; change: RemoteChange }
  | { type: 'reset'; state: RecordState; version: number };

export type SyncOutput = { state: SyncState; replaced: ReplacedNotice[]; remoteIds: string[] };

export function initialSync(confirmed: RecordState, version: number, pending: PendingBatch[] = []): SyncState {
  return { confirmed, confirmedVersion: version, pending, sending: null, online: true, mine: {}, needsCatchUp: false };
}

const key = (id: string, field: string) => `${id}\u0000${field}`;

export function reduceSync(state: SyncState, event: SyncEvent): SyncOutput {
  const none = (next: SyncState): SyncOutput => ({ state: next, replaced: [], remoteIds: [] });
  switch (event.type) {
    case 'local':
      return none({ ...state, pending: [...state.pending, event.batch] });
    case 'sending':
      return none({ ...state, sending: event.batchId, online: true });
    case 'acked': {
      const batch = state.pending.find((b) => b.batchId === event.batchId);
      // Its change may have come in on the stream first: then the batch is already done.
      if (!batch) return none({ ...state, sending: state.sending === event.batchId ? null : state.sending });
      const mine = rememberMine(state.mine, batch.ops);
      const sending = state.sending === event.batchId ? null : state.sending;
      // Already part of what we have confirmed (a retry after a lost answer): done with it.
      if (event.version <= state.confirmedVersion) {
        return none({ ...state, sending, mine, pending: state.pending.filter((b) => b !== batch) });
      }
      // Otherwise it leaves the queue when its change arrives in order on the stream.
      return none({ ...state, sending, mine, pending: state.pending.map((b) => (b === batch ? { ...b, committedAs: event.version } : b)) });
    }
    case 'rejected':
      return none({ ...state, sending: null, pending: state.pending.filter((b) => b.batchId !== event.batchId) });
    case 'offline':
      return none({ ...state, sending: null, online: false });
    case 'online':
      return none({ ...state, online: true });
    case 'remote':
      return applyRemote(state, event.change);
    case 'reset':
      return none({
        ...state,
        confirmed: event.state,
        confirmedVersion: event.version,
        needsCatchUp: false,
        pending: state.pending.filter((b) => b.committedAs === undefined || b.committedAs > event.version),
      });
  }
}

function applyRemote(state: SyncState, change: RemoteChange): SyncOutput {
  if (change.version <= state.confirmedVersion) return { state, replaced: [], remoteIds: [] };
  if (change.version !== state.confirmedVersion + 1) return { state: { ...state, needsCatchUp: true }, replaced: [], remoteIds: [] };
  let confirmed: RecordState;
  try {
    confirmed = applyOps(state.confirmed, change.ops);
  } catch {
    return { state: { ...state, needsCatchUp: true }, replaced: [], remoteIds: [] };
  }
  const own = state.pending.find((b) => b.batchId === change.batchId);
  const pending = own ? state.pending.filter((b) => b !== own) : state.pending;
  const replaced: ReplacedNotice[] = [];
  const mine = own ? rememberMine(state.mine, own.ops) : { ...state.mine };
  if (!own) {
    for (const op of change.ops) {
      if (op.op !== 'patch') continue;
      for (const [field, value] of Object.entries(op.fields)) {
        const k = key(op.id, field);
        if (!(k in mine)) continue;
        if (!jsonEqual(mine[k], value)) replaced.push({ elementId: op.id, field, mine: mine[k]!, theirs: value, by: change.authorName });
        delete mine[k];
      }
    }
  }
  return {
    state: { ...state, confirmed, confirmedVersion: change.version, pending, mine, sending: own && state.sending === own.batchId ? null : state.sending },
    replaced,
    remoteIds: own ? [] : [...new Set(change.ops.map((o) => o.id))],
  };
}

/** The values this user's committed batch set, per element and field. */
function rememberMine(previous: Record<string, Json>, ops: readonly Op[]): Record<string, Json> {
  const mine = { ...previous };
  for (const op of ops) {
    if (op.op === 'patch') for (const [f, v] of Object.entries(op.fields)) mine[key(op.id, f)] = v;
  }
  return mine;
}

/**
 * What the screen shows: the confirmed head with the pending batches on top. A pending patch of an
 * element someone removed meanwhile cannot apply; it is skipped here and refused by the server.
 */
export function viewOf(state: SyncState): RecordState {
  let view = state.confirmed;
  for (const batch of state.pending) {
    try {
      view = applyOps(view, batch.ops);
    } catch {
      const alive = batch.ops.filter((op) => op.op !== 'patch' || view.byId.has(op.id));
      view = applyOps(view, alive);
    }
  }
  return view;
}
