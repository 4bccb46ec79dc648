import type { ModdleElement } from 'bpmn-moddle';
import type { Actor } from '@/lib/auth/policy';
import { parseBpmn } from '@/lib/bpmn/parse-bpmn';
import { AppError } from '@/lib/errors';
import { db } from '../client';
import { getFlowForActor, type FlowDetail } from './get-flow';
import { xmlAtVersion } from './version-xml';

export type RevisionXml = {
  flowId: string;
  flowName: string;
  version: number;
  xml: string;
  createdAt: Date;
  authorName: string;
  message: string | null;
};

/**
 * The XML of a flow the caller has already cleared with policy: the head (every committed change) when
 * `version` is omitted, else that version — its revision when one was taken there, otherwise rebuilt
 * from the nearest revision before it and the changes after. 404 for a version that never was.
 */
export async function findRevision(flow: Pick<FlowDetail, 'id' | 'name' | 'headVersion'>, version?: number): Promise<RevisionXml> {
  const wanted = version ?? flow.headVersion;
  const stored = await findStoredRevision(flow, wanted);
  if (stored) return stored;
  if (!Number.isSafeInteger(wanted) || wanted < 1 || wanted > flow.headVersion) {
    throw new AppError('NOT_FOUND', `This flow has no version ${wanted}; the newest is version ${flow.headVersion}.`, {
      headVersion: flow.headVersion,
    });
  }
  return { flowId: flow.id, flowName: flow.name, version: wanted, ...(await xmlAtVersion(flow.id, wanted, flow.headVersion)) };
}

async function findStoredRevision(flow: Pick<FlowDetail, 'id' | 'name' | 'headVersion'>, wanted: number): Promise<RevisionXml | null> {
  const row =
    Number.isSafeInteger(wanted) && wanted >= 1
      ? await db.flowRevision.findUnique({
          where: { flowId_version: { flowId: flow.id, version: wanted } },
          select: { version: true, bpmnXml: true, createdAt: true, message: true, author: { select: { name: true } } },
        })
      : null;
  if (!row) return null;
  return {
    flowId: flow.id,
    flowName: flow.name,
    version: row.version,
    xml: row.bpmnXml,
    createdAt: row.createdAt,
    authorName: row.author.name,
    message: row.message,
  };
}

/** The BPMN XML of one revision (the head when `version` is omitted). */
export async function getRevisionXml(actor: Actor, flowId: string, version?: number): Promise<RevisionXml> {
  const flow = await getFlowForActor(actor, flowId, 'flow.view');
  return findRevision(flow, version);
}

/**
 * Parses a stored revision. Lenient and without the size limit: it passed both when it was saved, and
 * a limit lowered since must not lock anyone out of their own history.
 */
export async function readStoredBpmn(xml: string): Promise<ModdleElement> {
  const { definitions } = await parseBpmn(xml, 'lenient', { maxBytes: Number.MAX_SAFE_INTEGER });
  return definitions;
}
