import { describe, expect, it } from 'vitest';
import { applyOps } from './record-state';
import { initialSync, reduceSync, viewOf, type RemoteChange, type SyncState } from './sync-engine';
import { twoPools } from './test-states';
import type { Op } from './types';

const rename = (id: string, name: string): Op => ({ op: 'patch', id, fields: { 'a:bpmn:name': name } });
const change = (version: number, ops: Op[], batchId = `b${version}`, authorName = 'Region'): RemoteChange => ({ version, batchId, authorId: 'u-r', authorName, ops });
const run = (state: SyncState, ...events: Parameters<typeof reduceSync>[1][]) => events.reduce((s, e) => reduceSync(s, e).state, state);
const nameOf = (state: SyncState, id: string) => viewOf(state).byId.get(id)?.fields['a:bpmn:name'];

describe('the editor’s sync state', () => {
  it('shows a local batch at once, and drops it from the queue when its own change arrives in order', () => {
    let s = initialSync(twoPools(), 1);
    s = run(s, { type: 'local', batch: { batchId: 'mine', ops: [rename('Task_K', 'A')] } });
    expect(nameOf(s, 'Task_K')).toBe('A');
    s = run(s, { type: 'sending', batchId: 'mine' }, { type: 'acked', batchId: 'mine', version: 2 });
    expect(s.pending).toHaveLength(1);
    expect(s.pending[0]!.committedAs).toBe(2);
    s = run(s, { type: 'remote', change: change(2, [rename('Task_K', 'A')], 'mine') });
    expect(s.pending).toEqual([]);
    expect(s.confirmedVersion).toBe(2);
    expect(nameOf(s, 'Task_K')).toBe('A');
  });

  it('keeps a pending local value on screen over a remote change of the same field, which it will replace', () => {
    let s = initialSync(twoPools(), 1);
    s = run(s, { type: 'local', batch: { batchId: 'mine', ops: [rename('Task_K', 'Mine')] } });
    s = run(s, { type: 'remote', change: change(2, [rename('Task_K', 'Theirs'), rename('Task_R', 'Other')]) });
    expect(nameOf(s, 'Task_K')).toBe('Mine');
    expect(nameOf(s, 'Task_R')).toBe('Other');
  });

  it('tells the user when someone replaced a value they had committed, with both values', () => {
    let s = initialSync(twoPools(), 1);
    s = run(s, { type: 'local', batch: { batchId: 'mine', ops: [rename('Task_K', 'Mine')] } }, { type: 'acked', batchId: 'mine', version: 2 });
    s = run(s, { type: 'remote', change: change(2, [rename('Task_K', 'Mine')], 'mine') });
    const out = reduceSync(s, { type: 'remote', change: change(3, [rename('Task_K', 'Theirs')], 'theirs', 'Johan') });
    expect(out.replaced).toEqual([{ elementId: 'Task_K', field: 'a:bpmn:name', mine: 'Mine', theirs: 'Theirs', by: 'Johan' }]);
    expect(out.remoteIds).toEqual(['Task_K']);
    // Told once: the next change to it is no longer a replacement of the user's value.
    expect(reduceSync(out.state, { type: 'remote', change: change(4, [rename('Task_K', 'Again')]) }).replaced).toEqual([]);
  });

  it('asks to catch up on a gap, ignores what it has seen, and a reset keeps pending batches not yet in it', () => {
    let s = initialSync(twoPools(), 1);
    expect(reduceSync(s, { type: 'remote', change: change(3, [rename('Task_R', 'x')]) }).state.needsCatchUp).toBe(true);
    s = run(s, { type: 'remote', change: change(2, [rename('Task_R', 'x')]) });
    expect(reduceSync(s, { type: 'remote', change: change(2, [rename('Task_R', 'y')]) }).state).toBe(s);
    s = run(s, { type: 'local', batch: { batchId: 'a', ops: [rename('Task_K', 'A')] } }, { type: 'local', batch: { batchId: 'b', ops: [rename('Task_K', 'B')] } });
    s = run(s, { type: 'acked', batchId: 'a', version: 3 });
    const head = applyOps(twoPools(), [rename('Task_K', 'A')]);
    s = run(s, { type: 'reset', state: head, version: 3 });
    expect(s.pending.map((b) => b.batchId)).toEqual(['b']);
    expect(nameOf(s, 'Task_K')).toBe('B');
  });

  it('a retried batch the server already had (answered with an old version) leaves the queue at once', () => {
    let s = initialSync(applyOps(twoPools(), [rename('Task_K', 'A')]), 5, [{ batchId: 'a', ops: [rename('Task_K', 'A')] }]);
    s = run(s, { type: 'acked', batchId: 'a', version: 4 });
    expect(s.pending).toEqual([]);
  });

  it('a rejected batch disappears from the view; being offline keeps the queue', () => {
    let s = initialSync(twoPools(), 1);
    s = run(s, { type: 'local', batch: { batchId: 'x', ops: [rename('Task_R', 'Not mine')] } }, { type: 'offline' });
    expect(s.online).toBe(false);
    expect(s.pending).toHaveLength(1);
    s = run(s, { type: 'online' }, { type: 'rejected', batchId: 'x' });
    expect(nameOf(s, 'Task_R')).toBe('Skicka');
  });

  it('skips a pending patch of an element someone removed, keeping the rest of the batch on screen', () => {
    let s = initialSync(twoPools(), 1);
    s = run(s, { type: 'local', batch: { batchId: 'x', ops: [rename('Task_K', 'K'), rename('Task_R', 'R')] } });
    s = run(s, { type: 'remote', change: change(2, [{ op: 'remove', id: 'Task_R' }, { op: 'remove', id: 'Task_R_di' }, { op: 'remove', id: 'Msg' }]) });
    expect(nameOf(s, 'Task_K')).toBe('K');
    expect(viewOf(s).byId.has('Task_R')).toBe(false);
  });
});

describe('the user’s own values, for replaced-value notices', () => {
  it('are remembered whether the answer or the stream brings the commit first', () => {
    let s = initialSync(twoPools(), 1);
    s = run(s, { type: 'local', batch: { batchId: 'mine', ops: [rename('Task_K', 'Mine')] } });
    // The stream delivers the user's own change before the POST answers.
    s = run(s, { type: 'remote', change: change(2, [rename('Task_K', 'Mine')], 'mine') }, { type: 'acked', batchId: 'mine', version: 2 });
    const out = reduceSync(s, { type: 'remote', change: change(3, [rename('Task_K', 'Theirs')], 'theirs', 'Johan') });
    expect(out.replaced).toEqual([{ elementId: 'Task_K', field: 'a:bpmn:name', mine: 'Mine', theirs: 'Theirs', by: 'Johan' }]);
  });
});
