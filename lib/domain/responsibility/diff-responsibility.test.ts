import { describe, expect, it } from 'vitest';
import { childrenOf } from '@/lib/bpmn/elements';
import { createModdle } from '@/lib/bpmn/moddle';
import { parseBpmn } from '@/lib/bpmn/parse-bpmn';
import { toXml } from '@/lib/bpmn/serialise';
import { valuesWithResponsibilities, valuesWithStepDetails, extensionValuesOf } from '@/lib/bpmn/stafett-details';
import { diffBpmn } from '../diff-bpmn';
import { DEMO_INPUT, demoDefinitions, role } from './demo-fixture';
import { buildDischargeDemoFlow } from '../demo-flow';

describe('diffResponsibility (through diffBpmn)', () => {
  it('names who held a letter before and after, and each changed detail, on elements in both versions', async () => {
    const before = await demoDefinitions();
    const after = (await parseBpmn(await buildDischargeDemoFlow(DEMO_INPUT), 'strict')).definitions;
    const kommun = childrenOf(after, 'rootElements').find((r) => r.id === 'Process_Kommun')!;
    const task = childrenOf(kommun, 'flowElements').find((e) => e.id === 'Task_PlaneraKommun')!;
    const moddle = createModdle();
    const create = (type: string, attrs: Record<string, unknown>) => moddle.create(type, attrs);
    let values = valuesWithResponsibilities(extensionValuesOf(task), [{ roleId: role('kommun', 'Enhetschef hemtjänst'), type: 'accountable' }], create);
    values = valuesWithStepDetails(values, { touchpoint: true, journeyPhase: 'before', valueClass: 'handover' }, create);
    (task.get('extensionElements') as { set(p: string, v: unknown): void }).set('values', values);
    const again = (await parseBpmn(await toXml(after), 'strict')).definitions;

    expect(diffBpmn(before, again).responsibility).toEqual([
      { kind: 'letter', elementId: 'Task_PlaneraKommun', name: 'Planera kommunens insatser', letter: 'A', before: [], after: [role('kommun', 'Enhetschef hemtjänst')] },
      { kind: 'letter', elementId: 'Task_PlaneraKommun', name: 'Planera kommunens insatser', letter: 'C', before: [role('kommun', 'Arbetsterapeut'), role('kommun', 'Kommunens sjuksköterska')], after: [] },
      { kind: 'detail', elementId: 'Task_PlaneraKommun', name: 'Planera kommunens insatser', field: 'touchpoint', before: null, after: 'true' },
      { kind: 'detail', elementId: 'Task_PlaneraKommun', name: 'Planera kommunens insatser', field: 'journeyPhase', before: null, after: 'before' },
      { kind: 'detail', elementId: 'Task_PlaneraKommun', name: 'Planera kommunens insatser', field: 'why', before: 'Stödet är klart att starta den dag brukaren kommer hem.', after: null },
    ]);
  });
});
