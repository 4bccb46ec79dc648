import { describe, expect, it } from 'vitest';
import { reorder } from './everyday-palette-provider';

describe('reorder', () => {
  const defaults = {
    'hand-tool': { group: 'tools', title: 'hand' },
    'tool-separator': { group: 'tools', separator: true },
    'create.start-event': { group: 'event', title: 'start' },
    'create.task': { group: 'activity', title: 'task' },
    'create.data-store': { group: 'data-store', title: 'store' },
    'create.subprocess-expanded': { group: 'activity', title: 'sub' },
  };

  it('puts the everyday elements first, keeps every other entry, tools last', () => {
    const ids = Object.keys(reorder(defaults));
    expect(ids).toEqual([
      'create.task',
      'create.start-event',
      'everyday-separator',
      'create.data-store',
      'create.subprocess-expanded',
      'more-separator',
      'hand-tool',
    ]);
  });

  it('groups everyday entries together so the palette draws them as one block', () => {
    const entries = reorder(defaults);
    expect(entries['create.task']?.group).toBe('everyday');
    expect(entries['create.start-event']?.group).toBe('everyday');
    expect(entries['create.data-store']?.group).toBe('more');
  });
});
