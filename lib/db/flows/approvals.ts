import type { ApprovalState, ApprovalStatus, OrganisationDecision } from '@/lib/domain/approval/approval-machine';
import type { Prisma } from '@/lib/db/generated/client';
import { db } from '../client';

type Client = Prisma.TransactionClient | typeof db;

/** An approval as the API and the screens show it (the contract's shape plus names and dates). */
export type ApprovalView = {
  id: string;
  version: number;
  status: ApprovalStatus;
  createdAt: string;
  endedAt: string | null;
  requestedBy: { id: string; name: string };
  organisations: {
    organisationId: string;
    name: string;
    status: OrganisationDecision;
    decidedBy: { id: string; name: string } | null;
    comment: string | null;
    decidedAt: string | null;
  }[];
};

export const approvalSelect = {
  id: true,
  flowId: true,
  version: true,
  status: true,
  createdAt: true,
  endedAt: true,
  requestedBy: { select: { id: true, name: true } },
  organisations: {
    select: {
      organisationId: true,
      status: true,
      comment: true,
      decidedAt: true,
      organisation: { select: { name: true } },
      decidedBy: { select: { id: true, name: true } },
    },
    orderBy: { organisation: { name: 'asc' } },
  },
} as const satisfies Prisma.FlowApprovalSelect;

export type ApprovalRow = Prisma.FlowApprovalGetPayload<{ select: typeof approvalSelect }>;

const lower = <T extends string>(value: T) => value.toLowerCase() as Lowercase<T>;

export function toApprovalView(row: ApprovalRow): ApprovalView {
  return {
    id: row.id,
    version: row.version,
    status: lower(row.status),
    createdAt: row.createdAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    requestedBy: row.requestedBy,
    organisations: row.organisations.map((o) => ({
      organisationId: o.organisationId,
      name: o.organisation.name,
      status: lower(o.status),
      decidedBy: o.decidedBy,
      comment: o.comment,
      decidedAt: o.decidedAt?.toISOString() ?? null,
    })),
  };
}

/** The machine's view of a stored approval. */
export function toApprovalState(row: Pick<ApprovalRow, 'version' | 'status' | 'organisations'>): ApprovalState {
  return {
    version: row.version,
    status: lower(row.status),
    organisations: row.organisations.map((o) => ({ organisationId: o.organisationId, status: lower(o.status) })),
  };
}

/** Every approval of the flow, newest first: the history the flow's approval page shows. */
export async function listApprovals(flowId: string, client: Client = db): Promise<ApprovalView[]> {
  const rows = await client.flowApproval.findMany({ where: { flowId }, select: approvalSelect, orderBy: { createdAt: 'desc' } });
  return rows.map(toApprovalView);
}

export async function findApproval(flowId: string, approvalId: string, client: Client = db): Promise<ApprovalView | null> {
  const row = await client.flowApproval.findFirst({ where: { id: approvalId, flowId }, select: approvalSelect });
  return row ? toApprovalView(row) : null;
}

/** The one pending approval of a flow, if any (sending a new one supersedes the old, so at most one). */
export async function findPendingApproval(flowId: string, client: Client = db): Promise<ApprovalView | null> {
  const row = await client.flowApproval.findFirst({ where: { flowId, status: 'PENDING' }, select: approvalSelect, orderBy: { createdAt: 'desc' } });
  return row ? toApprovalView(row) : null;
}

/** The approval that published the flow's version in force, for the handbook's names and dates. */
export async function findPublishingApproval(flowId: string, version: number): Promise<ApprovalView | null> {
  const row = await db.flowApproval.findFirst({
    where: { flowId, version, status: 'APPROVED' },
    select: approvalSelect,
    orderBy: { endedAt: 'desc' },
  });
  return row ? toApprovalView(row) : null;
}

export type AwaitingApproval = { approvalId: string; flowId: string; flowName: string; version: number; organisationName: string; createdAt: string };

const awaitingWhere = (organisationIds: readonly string[]) => ({
  organisationId: { in: [...organisationIds] },
  status: 'PENDING' as const,
  approval: { status: 'PENDING' as const, flow: { archivedAt: null } },
});

/** How many decisions wait for the actor (the header's count), among the organisations they approve for. */
export async function countAwaitingApprovals(organisationIds: readonly string[]): Promise<number> {
  if (organisationIds.length === 0) return 0;
  return db.flowApprovalOrganisation.count({ where: awaitingWhere(organisationIds) });
}

/**
 * What waits for the actor's decision: pending approvals where one of `organisationIds` (those the actor
 * approves for, decided by policy) has not decided yet.
 */
export async function listAwaitingApprovals(organisationIds: readonly string[]): Promise<AwaitingApproval[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db.flowApprovalOrganisation.findMany({
    where: awaitingWhere(organisationIds),
    select: {
      organisation: { select: { name: true } },
      approval: { select: { id: true, version: true, createdAt: true, flow: { select: { id: true, name: true } } } },
    },
    orderBy: { approval: { createdAt: 'asc' } },
  });
  return rows.map((r) => ({
    approvalId: r.approval.id,
    flowId: r.approval.flow.id,
    flowName: r.approval.flow.name,
    version: r.approval.version,
    organisationName: r.organisation.name,
    createdAt: r.approval.createdAt.toISOString(),
  }));
}
