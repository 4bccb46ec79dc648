import type { ResponsibilityProjection } from './raci';

// The gaps a manager looks for: each finding names the element to open in the editor.

export const CHECK_CODES = [
  'NO_RESPONSIBLE',
  'ACCOUNTABLE_COUNT',
  'ROLE_WITHOUT_ACTIVITY',
  'HANDOVER_WITHOUT_RECEIVER',
  'HANDOVER_INCOMPLETE',
  'RESPONSIBLE_OUTSIDE_ORGANISATION',
] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

export type Finding = {
  code: CheckCode;
  elementId: string;
  /** English, for API users; the UI words each code itself. */
  message: string;
  /** What the UI needs to say it in the user's language. */
  name: string;
  count?: number;
  missing?: ('what' | 'timeLimit')[];
  roleId?: string;
};

export type CheckContext = {
  /** role id → the organisation whose catalogue holds it (for RESPONSIBLE_OUTSIDE_ORGANISATION). */
  roleOrganisations: ReadonlyMap<string, string>;
};

export function checkResponsibility(projection: ResponsibilityProjection, context: CheckContext): Finding[] {
  const findings: Finding[] = [];
  const label = (name: string, id: string) => (name ? `"${name}"` : id);

  for (const a of projection.activities) {
    const what = label(a.name, a.elementId);
    if (a.R.length === 0) {
      findings.push({ code: 'NO_RESPONSIBLE', elementId: a.elementId, name: a.name, message: `${what} has no Responsible role.` });
    }
    if (a.A.length !== 1) {
      findings.push({
        code: 'ACCOUNTABLE_COUNT',
        elementId: a.elementId,
        name: a.name,
        count: a.A.length,
        message: a.A.length === 0 ? `${what} has no Accountable role.` : `${what} has ${a.A.length} Accountable roles; it needs exactly one.`,
      });
    }
    for (const roleId of a.R) {
      const roleOrg = context.roleOrganisations.get(roleId);
      if (a.organisationId && roleOrg && roleOrg !== a.organisationId) {
        findings.push({
          code: 'RESPONSIBLE_OUTSIDE_ORGANISATION',
          elementId: a.elementId,
          name: a.name,
          roleId,
          message: `${what} is done in one organisation's pool, but its Responsible role belongs to another organisation.`,
        });
      }
    }
  }

  const active = new Set(projection.activities.flatMap((a) => [...a.R, ...a.A]));
  for (const lane of projection.lanes) {
    if (!lane.roleId || active.has(lane.roleId)) continue;
    findings.push({
      code: 'ROLE_WITHOUT_ACTIVITY',
      elementId: lane.id,
      name: lane.name,
      roleId: lane.roleId,
      message: `The role of lane ${label(lane.name, lane.id)} is neither Responsible nor Accountable for any activity.`,
    });
  }

  for (const h of projection.handovers) {
    const what = label(h.name, h.elementId);
    if (!h.hasReceiver) {
      findings.push({ code: 'HANDOVER_WITHOUT_RECEIVER', elementId: h.elementId, name: h.name, message: `Handover ${what} has no receiving activity.` });
    }
    const missing = [...(h.details.what ? [] : ['what' as const]), ...(h.details.timeLimit ? [] : ['timeLimit' as const])];
    if (missing.length > 0) {
      findings.push({
        code: 'HANDOVER_INCOMPLETE',
        elementId: h.elementId,
        name: h.name,
        missing,
        message: `Handover ${what} does not say ${missing.map((m) => (m === 'what' ? 'what is handed over' : 'its time limit')).join(' or ')}.`,
      });
    }
  }
  return findings;
}
