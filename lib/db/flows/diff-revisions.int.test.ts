import { describe, expect, it } from 'vitest';
import { createFlowFromBpmn } from './create-flow-from-bpmn';
import { diffRevisions } from './diff-revisions';
import { makeOrganisation, makeUser, twoPoolXml } from './flow-test-data';
import { saveDocument as saveRevision } from '@/lib/coediting/save-document';

describe('diffRevisions', () => {
  it('reports what changed between two versions, with who and when', async () => {
    const org = await makeOrganisation();
    const editor = await makeUser({ [org.id]: 'EDITOR' });
    const xml = (task: string, extra = '') => twoPoolXml({ orgA: org.id, orgB: org.id, taskName: task, extra });
    const { id } = await createFlowFromBpmn(editor, xml('Skicka'));
    await saveRevision(editor, id, { xml: xml('Skicka besked', '\n<bpmn:task id="Task_New" name="Ny" />'), baseVersion: 1, message: 'Två ändringar' });

    const diff = await diffRevisions(editor, id, 1, 2);
    expect(diff.from).toMatchObject({ version: 1, authorName: editor.name });
    expect(diff.to).toMatchObject({ version: 2, message: 'Två ändringar' });
    expect(diff.added.map((e) => e.id)).toContain('Task_New');
    expect(diff.changed.find((e) => e.id === 'Task_A')?.attributes).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'name', oldValue: 'Skicka', newValue: 'Skicka besked' })]),
    );
    expect(diff.removed).toEqual([]);

    await expect(diffRevisions(editor, id, 1, 3)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const stranger = await makeUser({ [(await makeOrganisation()).id]: 'EDITOR' });
    await expect(diffRevisions(stranger, id, 1, 2)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
