import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/policy';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { db } from '../client';
import { createFlowFromBpmn } from './create-flow-from-bpmn';
import { makeOrganisation, makeUser, revisionCount, twoPoolXml } from './flow-test-data';
import { getFlowForActor } from './get-flow';
import { getRevisionXml, readStoredBpmn } from './get-revision-xml';
import { recordStateOf } from '@/lib/bpmn/records';
import { recordsOf } from '@/lib/domain/records/record-state';
import { listRevisions } from './list-revisions';
import { restoreRevision } from './restore-revision';
import { saveDocument as saveRevision } from '@/lib/coediting/save-document';

let orgA: Awaited<ReturnType<typeof makeOrganisation>>;
let orgB: Awaited<ReturnType<typeof makeOrganisation>>;
let editor: Actor & { name: string };

beforeAll(async () => {
  orgA = await makeOrganisation();
  orgB = await makeOrganisation();
  editor = await makeUser({ [orgA.id]: 'EDITOR' });
});

async function newFlow(): Promise<{ id: string; xml: (task: string) => string }> {
  const xml = (task: string) => twoPoolXml({ orgA: orgA.id, orgB: orgB.id, taskName: task });
  const { id } = await createFlowFromBpmn(editor, xml('Första'));
  return { id, xml };
}

async function versionsOf(flowId: string): Promise<number[]> {
  const rows = await db.flowRevision.findMany({ where: { flowId }, select: { version: true }, orderBy: { version: 'asc' } });
  return rows.map((r) => r.version);
}

describe('saveRevision', () => {
  it('appends the next version with author and message, audited, and serves it as the head', async () => {
    const flow = await newFlow();
    const createdAt = (await getFlowForActor(editor, flow.id, 'flow.view')).updatedAt;
    expect(await saveRevision(editor, flow.id, { xml: flow.xml('Andra'), baseVersion: 1, message: 'Ny uppgift' })).toEqual({ version: 2 });
    expect((await getFlowForActor(editor, flow.id, 'flow.view')).updatedAt.getTime()).toBeGreaterThan(createdAt.getTime());
    const head = await getRevisionXml(editor, flow.id);
    expect(head).toMatchObject({ version: 2, authorName: editor.name, message: 'Ny uppgift' });
    expect(head.xml).toContain('name="Andra"');
    expect((await getRevisionXml(editor, flow.id, 1)).xml).toContain('name="Första"');
    expect((await getFlowForActor(editor, flow.id, 'flow.view')).headVersion).toBe(2);
    const audit = await db.auditEvent.findMany({ where: { objectId: flow.id, action: 'flow.revision.saved' } });
    expect(audit).toMatchObject([{ actorId: editor.userId, organisationId: orgA.id, data: { version: 2, message: 'Ny uppgift' } }]);
  });

  it('keeps versions gapless under concurrent saves of the same property: one winner, the rest 409 naming the element', async () => {
    const flow = await newFlow();
    const names = Array.from({ length: 10 }, (_, i) => `Samtidig ${i}`);
    const results = await Promise.allSettled(names.map((n) => saveRevision(editor, flow.id, { xml: flow.xml(n), baseVersion: 1 })));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(won).toEqual([{ status: 'fulfilled', value: { version: 2 } }]);
    expect(lost).toHaveLength(9);
    for (const e of lost) {
      expect(isAppError(e) && e.code).toBe('CONFLICT');
      expect(e.details).toMatchObject({ reason: 'CONFLICT', elementIds: ['Task_A'], headVersion: 2, baseVersion: 1 });
      expect(e.message).toMatch(/changed the same elements since version 1/);
    }
    expect(await versionsOf(flow.id)).toEqual([1, 2]);

    // The losers retry on the new head, again all at once, until each is in: nothing is lost.
    const losers = names.filter((_, i) => results[i]!.status === 'rejected');
    await Promise.all(
      losers.map(async (n) => {
        for (;;) {
          const base = (await getFlowForActor(editor, flow.id, 'flow.view')).headVersion;
          try {
            return await saveRevision(editor, flow.id, { xml: flow.xml(n), baseVersion: base });
          } catch (e) {
            if (!(isAppError(e) && e.code === 'CONFLICT')) throw e;
          }
        }
      }),
    );
    expect(await versionsOf(flow.id)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    const stored = await db.flowRevision.findMany({ where: { flowId: flow.id }, select: { bpmnXml: true } });
    for (const n of names) expect(stored.filter((r) => r.bpmnXml.includes(`name="${n}"`))).toHaveLength(1);
  });

  it('merges a document with an older base when the two sides changed different elements', async () => {
    const flow = await newFlow();
    const bothSides = await makeUser({ [orgA.id]: 'EDITOR', [orgB.id]: 'EDITOR' });
    // Each of five scripts renames another element, all from version 1 and all at once: all stand.
    const renames: [string, string][] = [['name="Första"', 'name="S2"'], ['name="Ta emot"', 'name="T2"'], ['name="Roll A"', 'name="R2"'], ['name="Överlämning"', 'name="Ö2"'], ['name="B"', 'name="B2"']];
    const base = flow.xml('Första');
    const results = await Promise.all(renames.map(([from, to]) => saveRevision(bothSides, flow.id, { xml: base.replace(from, to), baseVersion: 1 })));
    expect(results.map((r) => r.version).sort()).toEqual([2, 3, 4, 5, 6]);
    const head = (await getRevisionXml(editor, flow.id)).xml;
    for (const [, to] of renames) expect(head).toContain(to);
    expect(await versionsOf(flow.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('treats the same value on both sides as no conflict, and a change to what the other side removed as one', async () => {
    const flow = await newFlow();
    await saveRevision(editor, flow.id, { xml: flow.xml('Samma'), baseVersion: 1 });
    expect(await saveRevision(editor, flow.id, { xml: flow.xml('Samma'), baseVersion: 1 })).toEqual({ version: 3 });
    // Version 4 removes the lane; a document from version 3 renames it: 409 naming the lane.
    const noLane = flow.xml('Samma').replace(/<bpmn:laneSet[\s\S]*?<\/bpmn:laneSet>/, '').replace(/<bpmndi:BPMNShape id="Lane_A1_di"[\s\S]*?<\/bpmndi:BPMNShape>/, '');
    expect(await saveRevision(editor, flow.id, { xml: noLane, baseVersion: 3 })).toEqual({ version: 4 });
    await expect(saveRevision(editor, flow.id, { xml: flow.xml('Samma').replace('name="Roll A"', 'name="Ny roll"'), baseVersion: 3 })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'CONFLICT', elementIds: ['Lane_A1'] },
    });
  });

  it('checks pool rights before merging: 403 OTHER_ORGANISATION comes before 409, and nothing of the document commits', async () => {
    const flow = await newFlow();
    const regionEditor = await makeUser({ [orgB.id]: 'EDITOR' });
    await saveRevision(editor, flow.id, { xml: flow.xml('Två'), baseVersion: 1 });
    // From the stale base, B's editor changes its own task AND A's task: refused whole, as 403.
    const both = flow.xml('Tre').replace('name="Ta emot"', 'name="Tar emot"');
    await expect(saveRevision(regionEditor, flow.id, { xml: both, baseVersion: 1 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'OTHER_ORGANISATION', elementIds: ['Task_A'] },
    });
    expect(await versionsOf(flow.id)).toEqual([1, 2]);
    // Its own pool only: merged onto the head.
    expect(await saveRevision(regionEditor, flow.id, { xml: flow.xml('Första').replace('name="Ta emot"', 'name="Tar emot"'), baseVersion: 1 })).toEqual({ version: 3 });
    const head = (await getRevisionXml(editor, flow.id)).xml;
    expect(head).toContain('name="Två"');
    expect(head).toContain('name="Tar emot"');
  });

  it('answers 409 for a conflicting stale base or a future base version', async () => {
    const flow = await newFlow();
    await saveRevision(editor, flow.id, { xml: flow.xml('Två'), baseVersion: 1 });
    await expect(saveRevision(editor, flow.id, { xml: flow.xml('Tre'), baseVersion: 1 })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'CONFLICT', elementIds: ['Task_A'], headVersion: 2 },
    });
    await expect(saveRevision(editor, flow.id, { xml: flow.xml('Tre'), baseVersion: 7 })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'UNKNOWN_VERSION', headVersion: 2 },
    });
    expect(await versionsOf(flow.id)).toEqual([1, 2]);
  });

  const NS = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"';
  const LAUGHS =
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
    `<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><bpmn:definitions ${NS} id="D"><bpmn:process id="P" name="&lol3;"/></bpmn:definitions>`;
  const bad: [string, (xml: (t: string) => string) => string, string, string][] = [
    ['not XML', () => 'this is not xml at all', 'INVALID', 'NOT_XML'],
    ['broken XML', (x) => x('A').slice(0, 400), 'INVALID', 'NOT_XML'],
    ['XML that is not BPMN', () => '<?xml version="1.0"?><html><body>hej</body></html>', 'INVALID', 'NOT_BPMN'],
    ['a dangling reference', (x) => x('A').replace('targetRef="Task_B"', 'targetRef="Task_Ghost"'), 'INVALID', 'DANGLING_REFERENCE'],
    ['a duplicate id', (x) => x('A').replace('<bpmn:task id="Task_B"', '<bpmn:task id="Task_A"'), 'INVALID', 'DUPLICATE_ID'],
    ['a DOCTYPE (XXE)', (x) => x('A').replace('?>', '?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'), 'INVALID', 'DOCTYPE'],
    ['entity expansion (billion laughs)', () => LAUGHS, 'INVALID', 'DOCTYPE'],
    ['more than BPMN_MAX_BYTES', (x) => x('A').replace('</bpmn:definitions>', `<!--${'x'.repeat(env.BPMN_MAX_BYTES)}--></bpmn:definitions>`), 'PAYLOAD_TOO_LARGE', 'TOO_LARGE'],
  ];

  it.each(bad)('refuses %s, says why in details.reason, and stores nothing', async (_label, makeXml, code, reason) => {
    const flow = await newFlow();
    const before = await revisionCount(flow.id);
    await expect(saveRevision(editor, flow.id, { xml: makeXml(flow.xml), baseVersion: 1 })).rejects.toMatchObject({
      code,
      details: { reason },
    });
    expect(await revisionCount(flow.id)).toBe(before);
    expect((await getFlowForActor(editor, flow.id, 'flow.view')).headVersion).toBe(1);
  });

  it('refuses bad files on import too, creating no flow', async () => {
    const before = await db.flow.count({ where: { createdById: editor.userId } });
    for (const [, makeXml, code, reason] of bad.filter(([label]) => !label.includes('dangling') && !label.includes('duplicate'))) {
      await expect(createFlowFromBpmn(editor, makeXml((t) => twoPoolXml({ orgA: orgA.id, orgB: orgB.id, taskName: t })))).rejects.toMatchObject({
        code,
        details: { reason },
      });
    }
    expect(await db.flow.count({ where: { createdById: editor.userId } })).toBe(before);
  });
});

describe('revision history', () => {
  it('is append-only in the database itself: UPDATE and DELETE of a revision fail', async () => {
    const flow = await newFlow();
    await expect(db.$executeRaw`UPDATE "FlowRevision" SET "bpmnXml" = 'x' WHERE "flowId" = ${flow.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "FlowRevision" WHERE "flowId" = ${flow.id}`).rejects.toThrow(/append-only/);
    expect((await getRevisionXml(editor, flow.id)).xml).toContain('name="Första"');
  });

  it('lists revisions newest first with author names and messages', async () => {
    const flow = await newFlow();
    const colleague = await makeUser({ [orgB.id]: 'EDITOR' });
    await saveRevision(colleague, flow.id, { xml: flow.xml('Första').replace('name="Ta emot"', 'name="B"'), baseVersion: 1, message: 'Från andra sidan' });
    const list = await listRevisions(editor, flow.id);
    expect(list.map((r) => [r.version, r.author.name, r.message])).toEqual([
      [2, colleague.name, 'Från andra sidan'],
      [1, editor.name, 'Importerad från BPMN-fil'],
    ]);
    expect(list[0]!.createdAt).toBeInstanceOf(Date);
  });

  it('restores an old revision as a new one, never rewriting history', async () => {
    const flow = await newFlow();
    await saveRevision(editor, flow.id, { xml: flow.xml('Ändrad'), baseVersion: 1 });
    const v1 = await getRevisionXml(editor, flow.id, 1);
    expect(await restoreRevision(editor, flow.id, 1, 2)).toEqual({ version: 3 });
    const head = await getRevisionXml(editor, flow.id);
    expect(head.message).toBe('Återställd från version 1');
    const recordsOfXml = async (xml: string) => recordsOf(recordStateOf(await readStoredBpmn(xml)));
    expect(await recordsOfXml(head.xml)).toEqual(await recordsOfXml(v1.xml));
    expect((await getRevisionXml(editor, flow.id, 2)).xml).toContain('name="Ändrad"');
    await expect(restoreRevision(editor, flow.id, 1, 2)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(restoreRevision(editor, flow.id, 9, 3)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers 404 for a version that does not exist', async () => {
    const flow = await newFlow();
    await expect(getRevisionXml(editor, flow.id, 2)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getRevisionXml(editor, flow.id, 0)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('flow policy', () => {
  it('hides a flow from another organisation’s user (404), also for malformed ids and archived flows', async () => {
    const flow = await newFlow();
    const stranger = await makeUser({ [(await makeOrganisation()).id]: 'ADMIN' });
    await expect(getFlowForActor(stranger, flow.id, 'flow.view')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getRevisionXml(stranger, flow.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(saveRevision(stranger, flow.id, { xml: flow.xml('X'), baseVersion: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getFlowForActor(editor, "'; DROP TABLE x; --", 'flow.view')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getFlowForActor(editor, 'does-not-exist', 'flow.view')).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await db.flow.update({ where: { id: flow.id }, data: { archivedAt: new Date() } });
    await expect(getFlowForActor(editor, flow.id, 'flow.view')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets a viewer read but not save (403), and a participant organisation’s editor save', async () => {
    const flow = await newFlow();
    const viewer = await makeUser({ [orgA.id]: 'VIEWER' });
    expect((await getRevisionXml(viewer, flow.id)).version).toBe(1);
    await expect(saveRevision(viewer, flow.id, { xml: flow.xml('V'), baseVersion: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(restoreRevision(viewer, flow.id, 1, 1)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await revisionCount(flow.id)).toBe(1);

    // A participant organisation's editor saves in its own pool, and is refused in the other's.
    const participantEditor = await makeUser({ [orgB.id]: 'EDITOR' });
    await expect(saveRevision(participantEditor, flow.id, { xml: flow.xml('B'), baseVersion: 1 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      details: { reason: 'OTHER_ORGANISATION', elementIds: ['Task_A'] },
    });
    expect(await saveRevision(participantEditor, flow.id, { xml: flow.xml('Första').replace('name="Ta emot"', 'name="B"'), baseVersion: 1 })).toEqual({ version: 2 });
  });
});
