import type { Finding } from '@/lib/domain/responsibility/checks';
import type { ActivityRaci, Handover, HandoverEnd } from '@/lib/domain/responsibility/raci';

// The JSON shapes of issue 11's contract (scripts rely on exactly these names); missing values are null.

export function raciJson(activities: readonly ActivityRaci[]) {
  return {
    activities: activities.map((a) => ({
      elementId: a.elementId,
      name: a.name,
      organisationId: a.organisationId ?? null,
      laneRoleId: a.laneRoleId ?? null,
      R: a.R,
      A: a.A,
      C: a.C,
      I: a.I,
    })),
  };
}

const end = (e: HandoverEnd) => ({ organisationId: e.organisationId ?? null, roleId: e.roleId ?? null, elementId: e.elementId ?? null });

export function handoversJson(handovers: readonly Handover[]) {
  return {
    handovers: handovers.map((h) => ({
      elementId: h.elementId,
      name: h.name,
      from: end(h.from),
      to: end(h.to),
      what: h.details.what ?? null,
      timeLimit: h.details.timeLimit ?? null,
    })),
  };
}

export function findingsJson(findings: readonly Finding[]) {
  return { findings: findings.map((f) => ({ code: f.code, elementId: f.elementId, message: f.message })) };
}
