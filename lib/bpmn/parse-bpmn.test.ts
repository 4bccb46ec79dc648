import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { childrenOf } from './elements';
import { parseBpmn } from './parse-bpmn';
import { toXml } from './serialise';
import { BPMN_NS, CLEAN_XML, DANGLING_XML } from './test-fixtures';

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('parseBpmn: refused input', () => {
  it('refuses text that is not XML', async () => {
    const error = await rejection(parseBpmn('just some text', 'lenient'));
    expect(error.code).toBe('INVALID');
    expect(error.message).toMatch(/not well-formed XML/);
    expect(error.details).toEqual({ reason: 'NOT_XML' });
  });

  it('refuses broken XML and says where', async () => {
    const error = await rejection(parseBpmn(`<bpmn:definitions ${BPMN_NS}><bpmn:process id="p"></bpmn:definitions>`, 'lenient'));
    expect(error.code).toBe('INVALID');
    expect(error.message).toMatch(/not well-formed XML \(near line 1/);
    expect(error.details).toMatchObject({ reason: 'NOT_XML', line: 1 });
  });

  it.each([
    ['a processing instruction before the declaration', `<?foo bar?>${CLEAN_XML}`],
    ['a byte-order mark followed by a late declaration', `\uFEFF\n  ${CLEAN_XML}`],
    ['two byte-order marks', `\uFEFF\uFEFF${CLEAN_XML}`],
    ['whitespace before the declaration', `\n${CLEAN_XML}`],
    ['a comment before the declaration', `<!-- made by X -->${CLEAN_XML}`],
    ['a second declaration in the prolog', CLEAN_XML.replace('?>', '?><?xml version="1.0"?>')],
  ])('refuses %s as not well-formed', async (_what, xml) => {
    const error = await rejection(parseBpmn(xml, 'lenient'));
    expect(error.code).toBe('INVALID');
    expect(error.details).toEqual({ reason: 'NOT_XML' });
    expect(error.message).toMatch(/declaration .* must come first/);
  });

  it('still reads one byte-order mark right before the declaration, an xml-stylesheet and a quoted declaration in CDATA', async () => {
    await expect(parseBpmn(`\uFEFF${CLEAN_XML}`, 'lenient')).resolves.toBeTruthy();
    await expect(parseBpmn(CLEAN_XML.replace('?>', '?><?xml-stylesheet href="a.xsl"?>'), 'lenient')).resolves.toBeTruthy();
    const quoted = CLEAN_XML.replace('<bpmn:task id="Task_1" name="Åtgärd">', '<bpmn:task id="Task_1" name="Åtgärd"><bpmn:documentation><![CDATA[<?xml version="1.0"?><x/>]]></bpmn:documentation>');
    await expect(parseBpmn(quoted, 'lenient')).resolves.toBeTruthy();
  });

  it('refuses XML that is not BPMN', async () => {
    const error = await rejection(parseBpmn('<?xml version="1.0"?><html><body>hi</body></html>', 'lenient'));
    expect(error.code).toBe('INVALID');
    expect(error.message).toMatch(/not a BPMN 2.0 file/);
    expect(error.details).toEqual({ reason: 'NOT_BPMN' });
  });

  it('refuses a DOCTYPE with an external entity (XXE) before parsing', async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><bpmn:definitions ${BPMN_NS} id="D"><bpmn:process id="p" name="&xxe;"/></bpmn:definitions>`;
    const error = await rejection(parseBpmn(xml, 'lenient'));
    expect(error.code).toBe('INVALID');
    expect(error.message).toMatch(/DOCTYPE or entity/);
    expect(error.details).toEqual({ reason: 'DOCTYPE' });
  });

  it('refuses a billion-laughs entity bomb', async () => {
    const lol = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('');
    const xml = `<?xml version="1.0"?><!doctype lolz [${lol}]><bpmn:definitions ${BPMN_NS} id="D" name="&lol9;"/>`;
    expect(await rejection(parseBpmn(xml, 'strict'))).toMatchObject({ code: 'INVALID', details: { reason: 'DOCTYPE' } });
  });

  it('refuses an entity declaration even without a DOCTYPE keyword in front', async () => {
    expect(await rejection(parseBpmn('<!ENTITY a "b"><x/>', 'lenient'))).toMatchObject({ code: 'INVALID', details: { reason: 'DOCTYPE' } });
  });

  it('refuses a file over the size limit with PAYLOAD_TOO_LARGE, counting bytes not characters', async () => {
    const padded = CLEAN_XML.replace('Åtgärd', 'å'.repeat(600));
    expect(new TextEncoder().encode(padded).length).toBeGreaterThan(1500);
    const error = await rejection(parseBpmn(padded, 'lenient', { maxBytes: padded.length + 100 }));
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.details).toEqual({ reason: 'TOO_LARGE', maxBytes: padded.length + 100 });
    await expect(parseBpmn(CLEAN_XML, 'lenient', { maxBytes: CLEAN_XML.length * 3 })).resolves.toBeTruthy();
  });
});

describe('parseBpmn: references', () => {
  it('strict: a dangling reference is INVALID and names the missing ids', async () => {
    const error = await rejection(parseBpmn(DANGLING_XML, 'strict'));
    expect(error.code).toBe('INVALID');
    expect(error.message).toContain('"Ghost_1"');
    expect(error.message).toContain('"Ghost_2"');
    expect(error.details).toMatchObject({ reason: 'DANGLING_REFERENCE' });
    expect(error.details?.elementIds).toEqual(expect.arrayContaining(['Ghost_1', 'Ghost_2']));
  });

  it('strict: a duplicate id is INVALID', async () => {
    const xml = CLEAN_XML.replace('<bpmn:task id="Task_1"', '<bpmn:task id="Start_1"');
    const error = await rejection(parseBpmn(xml, 'strict'));
    expect(error.message).toMatch(/same id more than once: "Start_1"/);
    expect(error.details).toEqual({ reason: 'DUPLICATE_ID', elementIds: ['Start_1'] });
  });

  it('lenient: keeps what resolves, drops the flow and shape that cannot be drawn, and reports them', async () => {
    const { definitions, warnings } = await parseBpmn(DANGLING_XML, 'lenient');
    expect(warnings.map((w) => [w.code, w.elementId])).toEqual(
      expect.arrayContaining([
        ['DROPPED_FLOW', 'Flow_1'],
        ['DROPPED_SHAPE', 'Flow_1_di'],
        ['DROPPED_SHAPE', 'Ghost_2_di'],
      ]),
    );
    const xml = await toXml(definitions);
    expect(xml).toContain('id="Task_1"');
    expect(xml).not.toContain('Flow_1');
    expect(xml).not.toContain('Ghost_2');
    // What is left must now pass a strict parse: nothing dangles any more.
    const again = await parseBpmn(xml, 'strict');
    expect(again.warnings).toEqual([]);
  });

  it('parses a clean file with no warnings in both modes', async () => {
    for (const mode of ['strict', 'lenient'] as const) {
      const { definitions, warnings } = await parseBpmn(CLEAN_XML, mode);
      expect(warnings).toEqual([]);
      expect(definitions.$type).toBe('bpmn:Definitions');
    }
  });
});

describe('parseBpmn: quirks of real files', () => {
  it('reads a file that declares ISO-8859-1 and reports the encoding as a warning', async () => {
    const xml = CLEAN_XML.replace('encoding="UTF-8"', "encoding='ISO-8859-1'");
    const { definitions, warnings } = await parseBpmn(xml, 'strict');
    expect(warnings.map((w) => w.code)).toEqual(['ENCODING']);
    expect(warnings[0]?.message).toContain('ISO-8859-1');
    expect(await toXml(definitions)).toContain('name="Åtgärd"');
  });

  it('reports a file without a diagram as NO_DIAGRAM', async () => {
    const xml = `<bpmn:definitions ${BPMN_NS} id="D"><bpmn:process id="p"><bpmn:task id="t"/></bpmn:process></bpmn:definitions>`;
    const { definitions, warnings } = await parseBpmn(xml, 'lenient');
    expect(warnings.map((w) => w.code)).toEqual(['NO_DIAGRAM']);
    expect(childrenOf(definitions, 'rootElements')).toHaveLength(1);
  });

  it('skips unknown BPMN elements with a warning instead of failing', async () => {
    const xml = CLEAN_XML.replace('<bpmn:sequenceFlow', '<bpmn:notAThing id="x" /><bpmn:sequenceFlow');
    const { warnings } = await parseBpmn(xml, 'lenient');
    expect(warnings.map((w) => w.code)).toEqual(['UNKNOWN_CONTENT']);
    expect(warnings[0]?.message).toContain('<bpmn:notAThing');
  });
});

describe('parseBpmn: why a diagram shape was dropped', () => {
  it('says whether the shape pointed at nothing, at a missing id, or at a dropped flow', async () => {
    const xml = DANGLING_XML.replace(
      '</bpmndi:BPMNPlane>',
      '<bpmndi:BPMNEdge id="Anonymous_di"><di:waypoint x="1" y="1" /><di:waypoint x="2" y="2" /></bpmndi:BPMNEdge></bpmndi:BPMNPlane>',
    );
    const { warnings } = await parseBpmn(xml, 'lenient');
    const message = (id: string) => warnings.find((w) => w.code === 'DROPPED_SHAPE' && w.elementId === id)?.message;
    expect(message('Ghost_2_di')).toMatch(/draws "Ghost_2", which is not in the file/);
    expect(message('Flow_1_di')).toMatch(/the SequenceFlow it draws was removed too/);
    expect(message('Anonymous_di')).toMatch(/does not say which element it draws/);
  });
});
