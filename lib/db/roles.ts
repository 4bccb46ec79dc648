import type { Actor } from '@/lib/auth/policy';
import { AppError } from '@/lib/errors';
import type { ArchiveRoleInput, CreateRoleInput, UpdateRoleInput } from '@/lib/validation/organisations';
import { Prisma } from './generated/client';
import { recordAudit } from './audit';
import { db } from './client';
import { assertOrganisationAction } from './organisations';
import { pageWindow, type Page } from './pagination';
import { renameRoleInFlows } from './flows/rename-role-in-flows';

export type RoleSummary = { id: string; name: string; description: string; archived: boolean };

const roleSelect = { id: true, name: true, description: true, archivedAt: true } as const;

function toSummary(row: { id: string; name: string; description: string; archivedAt: Date | null }): RoleSummary {
  return { id: row.id, name: row.name, description: row.description, archived: row.archivedAt !== null };
}

function nameTaken(name: string): AppError {
  return new AppError('CONFLICT', `A role named "${name}" already exists in this organisation.`, {
    reason: 'ROLE_NAME_TAKEN',
    field: 'name',
  });
}

/** The role catalogue of an organisation the actor belongs to: active roles first, then archived, by name. */
export async function listRoles(actor: Actor, organisationId: string): Promise<RoleSummary[]> {
  assertOrganisationAction(actor, organisationId, 'organisation.view');
  const rows = await db.role.findMany({
    where: { organisationId },
    select: roleSelect,
    orderBy: [{ name: 'asc' }],
  });
  const roles = rows.map(toSummary);
  return [...roles.filter((r) => !r.archived), ...roles.filter((r) => r.archived)];
}

/** One page of the organisation's roles whose name contains `q` (any case): active ones first, by name. */
export async function listRolesPage(actor: Actor, organisationId: string, query: { q?: string; page?: number } = {}): Promise<Page<RoleSummary>> {
  assertOrganisationAction(actor, organisationId, 'organisation.view');
  const q = query.q?.trim();
  const where = { organisationId, ...(q ? { name: { contains: q, mode: 'insensitive' as const } } : {}) };
  const total = await db.role.count({ where });
  const window = pageWindow(query.page ?? 1, total);
  const rows = await db.role.findMany({
    where,
    select: roleSelect,
    orderBy: [{ archivedAt: { sort: 'asc', nulls: 'first' } }, { name: 'asc' }],
    skip: window.skip,
    take: window.pageSize,
  });
  return { items: rows.map(toSummary), total, page: window.page, pageSize: window.pageSize, pageCount: window.pageCount };
}

/** Names are unique per organisation regardless of case: "Läkare" and "läkare" would confuse everyone. */
async function assertNameFree(organisationId: string, name: string, exceptRoleId?: string): Promise<void> {
  const clash = await db.role.findFirst({
    where: { organisationId, name: { equals: name, mode: 'insensitive' }, ...(exceptRoleId ? { NOT: { id: exceptRoleId } } : {}) },
    select: { id: true },
  });
  if (clash) throw nameTaken(name);
}

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';
}

export async function createRole(actor: Actor, input: CreateRoleInput): Promise<RoleSummary> {
  assertOrganisationAction(actor, input.organisationId, 'organisation.manageRoles');
  await assertNameFree(input.organisationId, input.name);
  try {
    return await db.$transaction(async (tx) => {
      const role = await tx.role.create({
        data: { organisationId: input.organisationId, name: input.name, description: input.description },
        select: roleSelect,
      });
      await recordAudit(
        { actorId: actor.userId, action: 'role.create', objectType: 'Role', objectId: role.id, organisationId: input.organisationId, data: { name: role.name } },
        tx,
      );
      return toSummary(role);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken(input.name);
    throw e;
  }
}

async function findRoleIn(organisationId: string, roleId: string) {
  const role = await db.role.findFirst({ where: { id: roleId, organisationId }, select: roleSelect });
  if (!role) throw new AppError('NOT_FOUND', 'No such role in this organisation.');
  return role;
}

/** Edits name and description; a new name is carried into the lanes of every flow that uses the role. */
export async function updateRole(actor: Actor, input: UpdateRoleInput): Promise<RoleSummary> {
  assertOrganisationAction(actor, input.organisationId, 'organisation.manageRoles');
  const before = await findRoleIn(input.organisationId, input.roleId);
  const renamed = before.name !== input.name;
  if (renamed) await assertNameFree(input.organisationId, input.name, input.roleId);
  let updated: RoleSummary;
  try {
    updated = await db.$transaction(async (tx) => {
      const role = await tx.role.update({
        where: { id: input.roleId },
        data: { name: input.name, description: input.description },
        select: roleSelect,
      });
      await recordAudit(
        {
          actorId: actor.userId,
          action: 'role.update',
          objectType: 'Role',
          objectId: role.id,
          organisationId: input.organisationId,
          data: { name: { from: before.name, to: role.name }, descriptionChanged: before.description !== role.description },
        },
        tx,
      );
      return toSummary(role);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken(input.name);
    throw e;
  }
  // After the commit: the flows save new revisions of their own, and a failure there must not undo
  // the catalogue change (the lane keeps its roleId, so a later rename or edit catches up).
  if (renamed) await renameRoleInFlows(actor.userId, input.roleId, input.name);
  return updated;
}

/** Roles are archived, never deleted: lanes in old revisions still point at them. */
export async function setRoleArchived(actor: Actor, input: ArchiveRoleInput, archived: boolean): Promise<RoleSummary> {
  assertOrganisationAction(actor, input.organisationId, 'organisation.manageRoles');
  await findRoleIn(input.organisationId, input.roleId);
  return db.$transaction(async (tx) => {
    const role = await tx.role.update({
      where: { id: input.roleId },
      data: { archivedAt: archived ? new Date() : null },
      select: roleSelect,
    });
    await recordAudit(
      { actorId: actor.userId, action: archived ? 'role.archive' : 'role.restore', objectType: 'Role', objectId: role.id, organisationId: input.organisationId },
      tx,
    );
    return toSummary(role);
  });
}
