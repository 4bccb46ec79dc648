import type { ModdleElement } from 'bpmn-moddle';
import type { Actor } from '@/lib/auth/policy';
import { parseBpmn } from '@/lib/bpmn/parse-bpmn';
import { toXml } from '@/lib/bpmn/serialise';
import type { Prisma } from '@/lib/db/generated/client';
import { AppError, isAppError } from '@/lib/errors';
import { recordAudit } from '../audit';
import { db } from '../client';
import { flowNotFound, getFlowForActor } from './get-flow';
import { projectResponsibilities } from './project-responsibilities';

type Tx = Prisma.TransactionClient;

export type SaveRevisionRequest = { xml: string; baseVersion: number; message?: string };

export type AppendRevisionInput = {
  flowId: string;
  ownerOrganisationId: string;
  authorId: string;
  /** Already parsed and re-serialised by the caller. */
  xml: string;
  /** The parsed `xml`, for the projections; parsed again from `xml` when the caller has none. */
  definitions?: ModdleElement;
  baseVersion: number;
  message?: string;
};

/** Long enough for a queue of concurrent saves waiting on the flow's row lock. */
export const REVISION_TX_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

/**
 * Appends the next revision inside `tx`: a compare-and-set on Flow.headVersion, then the insert. Under
 * concurrent saves with the same base, the first to take the row lock wins; the others re-check the
 * WHERE after it commits, match no row and answer 409. Versions stay gapless because the version comes
 * from the bump, and the unique (flowId, version) index is the last line of defence.
 */
export async function appendRevision(tx: Tx, input: AppendRevisionInput): Promise<{ version: number }> {
  const bumped = await tx.flow.updateMany({
    where: { id: input.flowId, headVersion: input.baseVersion, archivedAt: null },
    data: { headVersion: { increment: 1 } },
  });
  if (bumped.count === 0) throw await conflictFor(tx, input.flowId, input.baseVersion);
  const version = input.baseVersion + 1;
  await tx.flowRevision.create({
    data: { flowId: input.flowId, version, bpmnXml: input.xml, authorId: input.authorId, message: input.message || null },
  });
  await projectResponsibilities(tx, input.flowId, input.definitions ?? (await parseBpmn(input.xml, 'lenient')).definitions);
  await recordAudit(
    {
      actorId: input.authorId,
      action: 'flow.revision.saved',
      objectType: 'Flow',
      objectId: input.flowId,
      organisationId: input.ownerOrganisationId,
      data: { version, ...(input.message ? { message: input.message } : {}) },
    },
    tx,
  );
  return { version };
}

async function conflictFor(tx: Tx, flowId: string, baseVersion: number): Promise<AppError> {
  const current = await tx.flow.findUnique({ where: { id: flowId }, select: { headVersion: true, archivedAt: true } });
  if (!current || current.archivedAt) return flowNotFound();
  const ahead = baseVersion > current.headVersion;
  const message = ahead
    ? `Version ${baseVersion} does not exist; the newest is version ${current.headVersion}.`
    : `The flow has changed since version ${baseVersion}; the newest is version ${current.headVersion}.`;
  return new AppError('CONFLICT', message, {
    reason: ahead ? 'UNKNOWN_VERSION' : 'STALE_VERSION',
    headVersion: current.headVersion,
    baseVersion,
  });
}

/** A unique-index violation on (flowId, version) means another save won the race: a conflict, not a crash. */
export function asConflict(e: unknown, flowId: string, baseVersion: number): unknown {
  if (isAppError(e)) return e;
  if ((e as { code?: string })?.code === 'P2002') {
    return new AppError('CONFLICT', `The flow has changed since version ${baseVersion}.`, {
      reason: 'STALE_VERSION',
      baseVersion,
      flowId,
    });
  }
  return e;
}

export type SaveRevisionOptions = {
  /** Organisations to add as participants in the same transaction (the mapping step). */
  addParticipantIds?: readonly string[];
};

/**
 * The ONE save path (editor PUT, restore, mapping): policy flow.edit, STRICT parse (a dangling
 * reference from our own editor is a bug or tampering: 400), then append. We store the XML as
 * re-serialised by our moddle, not the bytes sent: every stored revision is then in one normal form
 * (what import stores too), diffs compare like with like, and nothing moddle did not understand
 * (processing instructions, comments) reaches storage.
 */
export async function saveRevision(
  actor: Actor,
  flowId: string,
  request: SaveRevisionRequest,
  options: SaveRevisionOptions = {},
): Promise<{ version: number }> {
  const flow = await getFlowForActor(actor, flowId, 'flow.edit');
  const { definitions } = await parseBpmn(request.xml, 'strict');
  const xml = await toXml(definitions);
  try {
    return await db.$transaction(async (tx) => {
      const saved = await appendRevision(tx, {
        flowId: flow.id,
        ownerOrganisationId: flow.owner.id,
        authorId: actor.userId,
        xml,
        definitions,
        baseVersion: request.baseVersion,
        message: request.message,
      });
      if (options.addParticipantIds?.length) {
        await tx.flowParticipant.createMany({
          data: options.addParticipantIds.map((organisationId) => ({ flowId: flow.id, organisationId })),
          skipDuplicates: true,
        });
      }
      return saved;
    }, REVISION_TX_OPTIONS);
  } catch (e) {
    throw asConflict(e, flow.id, request.baseVersion);
  }
}
