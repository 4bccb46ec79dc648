import { RACI_LETTERS, type ActivityRaci, type RaciLetter } from './raci';

// The RACI matrix as the page and the CSV show it: a row per activity in flow order, a column per role,
// the columns grouped by organisation (owner first) and, within one, in lane order, then by name.

export type CatalogueRole = { id: string; name: string };
export type CatalogueOrganisation = { id: string; name: string; colour: string; customerTerm: string; roles: CatalogueRole[] };

export type MatrixColumn = { roleId: string; roleName: string; organisationId?: string; organisationName?: string; colour?: string };
export type MatrixRow = { elementId: string; name: string; organisationId?: string; cells: Record<string, RaciLetter[]> };
export type RaciMatrix = { columns: MatrixColumn[]; rows: MatrixRow[] };

/** Columns are the roles the flow uses (a lane or any letter); a role in no catalogue keeps its id as its name. */
export function raciMatrix(activities: readonly ActivityRaci[], catalogue: readonly CatalogueOrganisation[], laneRoleIds: readonly string[] = []): RaciMatrix {
  const used = new Set<string>([...laneRoleIds, ...activities.flatMap((a) => RACI_LETTERS.flatMap((l) => a[l]))]);
  const laneRank = new Map(laneRoleIds.map((id, i) => [id, i]));
  const columns: MatrixColumn[] = [];
  const placed = new Set<string>();
  for (const org of catalogue) {
    const roles = org.roles
      .filter((r) => used.has(r.id))
      .sort((a, b) => (laneRank.get(a.id) ?? Infinity) - (laneRank.get(b.id) ?? Infinity) || a.name.localeCompare(b.name, 'sv'));
    for (const role of roles) {
      placed.add(role.id);
      columns.push({ roleId: role.id, roleName: role.name, organisationId: org.id, organisationName: org.name, colour: org.colour });
    }
  }
  for (const id of used) if (!placed.has(id)) columns.push({ roleId: id, roleName: id });

  const rows = activities.map((a) => {
    const cells: Record<string, RaciLetter[]> = {};
    for (const letter of RACI_LETTERS) for (const roleId of a[letter]) (cells[roleId] ??= []).push(letter);
    return { elementId: a.elementId, name: a.name, ...(a.organisationId ? { organisationId: a.organisationId } : {}), cells };
  });
  return { columns, rows };
}

export type CsvLabels = { activity: string; organisation: string; unnamed: string };

/**
 * The matrix as CSV for Excel: UTF-8 with a BOM (or Excel reads å, ä, ö as Latin-1), semicolons
 * (the list separator of Swedish Excel, where the comma is the decimal sign), CRLF lines (RFC 4180).
 */
export function raciCsv(matrix: RaciMatrix, organisations: readonly { id: string; name: string }[], labels: CsvLabels): string {
  const orgName = new Map(organisations.map((o) => [o.id, o.name]));
  const header = [labels.activity, labels.organisation, ...matrix.columns.map((c) => (c.organisationName ? `${c.organisationName}: ${c.roleName}` : c.roleName))];
  const lines = matrix.rows.map((row) => [
    row.name || labels.unnamed,
    row.organisationId ? (orgName.get(row.organisationId) ?? '') : '',
    ...matrix.columns.map((c) => (row.cells[c.roleId] ?? []).join('/')),
  ]);
  return `\uFEFF${[header, ...lines].map((cells) => cells.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

function csvCell(value: string): string {
  // A leading = + - @ makes Excel run the cell as a formula (CSV injection): quote it with a leading '.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * One organisation's view: its roles' columns, and the activities in its pool or where one of its
 * roles has a letter. No organisation given: the whole matrix.
 */
export function filterMatrix(matrix: RaciMatrix, organisationId: string | undefined): RaciMatrix {
  if (!organisationId) return matrix;
  const columns = matrix.columns.filter((c) => c.organisationId === organisationId);
  const ids = new Set(columns.map((c) => c.roleId));
  const rows = matrix.rows.filter((r) => r.organisationId === organisationId || Object.keys(r.cells).some((id) => ids.has(id)));
  return { columns, rows };
}
