import { describe, expect, it } from 'vitest';
import { describeChanges, localType } from './change-sentences';

const empty = { added: [], removed: [], changed: [], layoutChanged: [] };

describe('describeChanges', () => {
  it('has no groups when nothing changed', () => {
    expect(describeChanges(empty)).toEqual([]);
  });

  it('says a name change as a rename, with old and new name', () => {
    const groups = describeChanges({
      ...empty,
      changed: [{ id: 'T1', type: 'bpmn:Task', name: 'Y', attributes: [{ name: 'name', oldValue: 'X', newValue: 'Y' }] }],
    });
    expect(groups).toEqual([{ kind: 'changed', sentences: [{ key: 'renamed', type: 'Task', id: 'T1', oldName: 'X', newName: 'Y' }] }]);
  });

  it('lists other attributes without their prefix, beside a rename', () => {
    const [group] = describeChanges({
      ...empty,
      changed: [
        {
          id: 'T1',
          type: 'bpmn:UserTask',
          name: 'Y',
          attributes: [
            { name: 'name', oldValue: 'X', newValue: 'Y' },
            { name: 'stafett:roleId', oldValue: null, newValue: 'r1' },
          ],
        },
      ],
    });
    expect(group!.sentences.map((s) => s.key)).toEqual(['renamed', 'changed']);
    expect(group!.sentences[1]).toMatchObject({ key: 'changed', type: 'UserTask', attributes: ['roleId'] });
  });

  it('groups in reading order and lists a changed-and-moved element once, as changed', () => {
    const groups = describeChanges({
      added: [{ id: 'A', type: 'bpmn:Task', name: 'Skicka kallelse' }],
      removed: [{ id: 'R', type: 'bpmn:EndEvent' }],
      changed: [{ id: 'C', type: 'bpmn:SequenceFlow', attributes: [{ name: 'targetRef', oldValue: 'a', newValue: 'b' }] }],
      layoutChanged: [
        { id: 'C', type: 'bpmn:SequenceFlow' },
        { id: 'M', type: 'bpmn:StartEvent', name: '  ' },
      ],
    });
    expect(groups.map((g) => g.kind)).toEqual(['added', 'changed', 'moved', 'removed']);
    expect(groups[2]!.sentences).toEqual([{ key: 'moved', type: 'StartEvent', id: 'M', name: undefined }]);
    expect(groups[0]!.sentences[0]).toEqual({ key: 'added', type: 'Task', id: 'A', name: 'Skicka kallelse' });
  });

  it('strips any namespace prefix from types', () => {
    expect(localType('bpmn:ExclusiveGateway')).toBe('ExclusiveGateway');
    expect(localType('Task')).toBe('Task');
  });
});

describe('responsibility changes', () => {
  it('says each changed letter and detail as its own sentence, and drops the bare "extensionElements"', () => {
    const groups = describeChanges({
      added: [],
      removed: [],
      layoutChanged: [],
      changed: [{ id: 'T', type: 'bpmn:Task', name: 'Planera', attributes: [{ name: 'extensionElements', oldValue: 'a', newValue: 'b' }] }],
      responsibility: [
        { kind: 'letter', elementId: 'T', name: 'Planera', letter: 'A', before: [], after: ['role-1'] },
        { kind: 'detail', elementId: 'T', name: 'Planera', field: 'timeLimit', before: null, after: 'Inom 24 timmar' },
      ],
    });
    expect(groups).toEqual([
      {
        kind: 'changed',
        sentences: [
          { key: 'responsibility', id: 'T', name: 'Planera', letter: 'A', before: [], after: ['role-1'] },
          { key: 'detail', id: 'T', name: 'Planera', field: 'timeLimit', before: undefined, after: 'Inom 24 timmar' },
        ],
      },
    ]);
  });
});
