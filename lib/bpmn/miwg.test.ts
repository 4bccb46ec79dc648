import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeCollaboration, describeShapes, listElementIds } from '@/lib/domain/collaboration';
import { createModdle } from './moddle';
import { parseBpmn } from './parse-bpmn';
import { toXml } from './serialise';

// The BPMN MIWG reference models, kept in testdata/ (CC BY 3.0, see its README).
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = path.resolve(repoRoot, 'testdata/bpmn-miwg-reference');
const files = fs.readdirSync(fixtures).filter((f) => f.endsWith('.bpmn')).sort();

describe('MIWG reference models', () => {
  it('are all there', () => {
    expect(files.length).toBe(21);
  });

  it.each(files)('%s imports leniently, exports, re-imports strictly and keeps every element and shape', async (file) => {
    const xml = fs.readFileSync(path.join(fixtures, file), 'utf8');
    // What bpmn-moddle itself reads from the file, untouched by our import: the yardstick.
    const { rootElement: original } = await createModdle().fromXML(xml, 'bpmn:Definitions');

    const imported = await parseBpmn(xml, 'lenient');
    for (const w of imported.warnings) expect(['ENCODING', 'DROPPED_SHAPE', 'UNRESOLVED_REFERENCE', 'HIDDEN_PROCESS']).toContain(w.code);
    const exported = await toXml(imported.definitions);
    // Once our import has dropped what dangles, what we export must pass the editor's strict check.
    const reimported = await parseBpmn(exported, 'strict');
    expect(reimported.warnings).toEqual([]);

    const again = reimported.definitions;
    expect(listElementIds(again)).toEqual(listElementIds(original));
    expect(describeShapes(again)).toEqual(describeShapes(original));
    const before = describeCollaboration(original);
    const after = describeCollaboration(again);
    expect(after.participants).toEqual(before.participants);
    expect(after.lanes).toEqual(before.lanes);
    expect(after.messageFlows).toEqual(before.messageFlows);
    expect(after.elementCounts['bpmn:SequenceFlow'] ?? 0).toBe(before.elementCounts['bpmn:SequenceFlow'] ?? 0);
  });
});
