import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/policy';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { db } from '../client';
import { createFlowFromBpmn } from './create-flow-from-bpmn';
import { makeOrganisation, makeUser, revisionCount, twoPoolXml } from './flow-test-data';
import { getFlowForActor } from './get-flow';
import { getRevisionXml } from './get-revision-xml';
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

  it('keeps versions gapless under concurrent saves: one winner per base, the rest 409 with the head', async () => {
    const flow = await newFlow();
    const names = Array.from({ length: 10 }, (_, i) => `Samtidig ${i}`);
    const results = await Promise.allSettled(names.map((n) => saveRevision(editor, flow.id, { xml: flow.xml(n), baseVersion: 1 })));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(won).toEqual([{ status: 'fulfilled', value: { version: 2 } }]);
    expect(lost).toHaveLength(9);
    for (const e of lost) {
      expect(isAppError(e) && e.code).toBe('CONFLICT');
      expect(e.details).toMatchObject({ reason: 'STALE_VERSION', headVersion: 2, baseVersion: 1 });
      expect(e.message).toMatch(/changed since version 1; the newest is version 2/);
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

  it('answers 409 for a stale or future base version', async () => {
    const flow = await newFlow();
    await saveRevision(editor, flow.id, { xml: flow.xml('Två'), baseVersion: 1 });
    await expect(saveRevision(editor, flow.id, { xml: flow.xml('Tre'), baseVersion: 1 })).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'STALE_VERSION', headVersion: 2 },
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
    await saveRevision(colleague, flow.id, { xml: flow.xml('B'), baseVersion: 1, message: 'Från andra sidan' });
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
    expect({ xml: head.xml, message: head.message }).toEqual({ xml: v1.xml, message: 'Återställd från version 1' });
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

    const participantEditor = await makeUser({ [orgB.id]: 'EDITOR' });
    expect(await saveRevision(participantEditor, flow.id, { xml: flow.xml('B'), baseVersion: 1 })).toEqual({ version: 2 });
  });
});
