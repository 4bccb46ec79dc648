import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildStartingCollaboration } from '@/lib/domain/starting-collaboration';
import { findHiddenProcesses } from './hidden-processes';
import { parseBpmn } from './parse-bpmn';

const miwg = (file: string) => readFileSync(path.resolve(__dirname, '../../testdata/bpmn-miwg-reference', file), 'utf8');

describe('findHiddenProcesses', () => {
  it('names a process with steps that no pool of the shown collaboration refers to', async () => {
    const { definitions } = await parseBpmn(miwg('B.1.0.bpmn'), 'lenient');
    // B.1.0's collaboration has two pools; two more processes with steps and no lanes stand outside them.
    expect(findHiddenProcesses(definitions).map((w) => [w.code, w.elementId])).toEqual([
      ['HIDDEN_PROCESS', 'Process_ba16239e-181e-4b9f-bc5b-0bb2ee973450'],
      ['HIDDEN_PROCESS', 'WFP-0-'],
    ]);
  });

  it('says nothing when every process with steps is in a pool', async () => {
    const xml = await buildStartingCollaboration({
      flowName: 'Test',
      ownerOrganisationId: 'o1',
      organisations: [
        { id: 'o1', name: 'Regionen', colour: '#1d5fa8', roles: [{ id: 'r1', name: 'Läkare' }] },
        { id: 'o2', name: 'Kommunen', colour: '#2e7d4f', roles: [] },
      ],
    });
    const { definitions } = await parseBpmn(xml, 'strict');
    expect(findHiddenProcesses(definitions)).toEqual([]);
  });

  it('says nothing for a process outside the pools that has lanes: bpmn-js draws it', async () => {
    const { definitions } = await parseBpmn(miwg('A.4.0.bpmn'), 'lenient');
    expect(findHiddenProcesses(definitions)).toEqual([]);
  });

  it('says nothing for a diagram of a process rather than a collaboration', async () => {
    const { definitions } = await parseBpmn(miwg('A.1.0.bpmn'), 'lenient');
    expect(findHiddenProcesses(definitions)).toEqual([]);
  });

  it('is reported by a lenient parse', async () => {
    const { warnings } = await parseBpmn(miwg('B.2.0.bpmn'), 'lenient');
    expect(warnings.map((w) => w.code)).toContain('HIDDEN_PROCESS');
  });
});
