import { parseBpmn } from '@/lib/bpmn/parse-bpmn';
import { buildDischargeDemoFlow, KOMMUN_ROLE_NAMES, REGION_ROLE_NAMES } from '../demo-flow';

// The demo flow with made-up ids, for the unit tests of the projection and the checks.

const roles = (names: readonly string[], prefix: string): Record<string, string> => Object.fromEntries(names.map((n, i) => [n, `${prefix}-${i}`]));

export const DEMO_INPUT = {
  region: { id: 'org-r', name: 'Regionen', colour: '#1d5fa8', roles: roles(REGION_ROLE_NAMES, 'rr') },
  kommun: { id: 'org-k', name: 'Kommunen', colour: '#2e7d4f', roles: { ...roles(KOMMUN_ROLE_NAMES, 'kr'), Fysioterapeut: 'kr-fysio' } as Record<string, string> },
};

/** role id → organisation id of the demo catalogues. */
export const DEMO_ROLE_ORGANISATIONS: ReadonlyMap<string, string> = new Map([
  ...Object.values(DEMO_INPUT.region.roles).map((id) => [id, 'org-r'] as const),
  ...Object.values(DEMO_INPUT.kommun.roles).map((id) => [id, 'org-k'] as const),
]);

export async function demoDefinitions() {
  return (await parseBpmn(await buildDischargeDemoFlow(DEMO_INPUT), 'strict')).definitions;
}

export const role = (org: 'region' | 'kommun', name: string): string => DEMO_INPUT[org].roles[name]!;
