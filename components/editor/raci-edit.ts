import type { Responsibility } from '@/lib/bpmn/stafett-details';

// What one click in the RACI editor does to an activity's responsibilities: pure, so every rule is tested.

export type RaciToggle = { letter: 'R' | 'C' | 'I'; roleId: string; on: boolean } | { letter: 'A'; roleId: string; on?: boolean };

const TYPE = { R: 'responsible', A: 'accountable', C: 'consulted', I: 'informed' } as const;

/**
 * The next list of entries. A: replaces the Accountable ('' removes it). R: toggles within the
 * effective Responsibles (the lane's role when none is named); when that leaves exactly the lane's role,
 * no R is written, so the lane's role stays R by default. C and I: toggle.
 */
export function nextResponsibilities(current: readonly Responsibility[], laneRoleId: string | undefined, change: RaciToggle): Responsibility[] {
  const others = (type: Responsibility['type']) => current.filter((r) => r.type !== type);
  if (change.letter === 'A') {
    return change.roleId ? [...others('accountable'), { roleId: change.roleId, type: 'accountable' }] : others('accountable');
  }
  const type = TYPE[change.letter];
  if (change.letter === 'R') {
    const explicit = current.filter((r) => r.type === 'responsible').map((r) => r.roleId);
    const effective = explicit.length > 0 ? explicit : laneRoleId ? [laneRoleId] : [];
    const next = change.on ? [...new Set([...effective, change.roleId])] : effective.filter((id) => id !== change.roleId);
    const lanesOnly = laneRoleId !== undefined && next.length === 1 && next[0] === laneRoleId;
    const written = lanesOnly || (next.length === 0 && laneRoleId !== undefined) ? [] : next;
    return [...written.map((roleId) => ({ roleId, type })), ...others('responsible')];
  }
  const without = current.filter((r) => !(r.type === type && r.roleId === change.roleId));
  return change.on ? [...without, { roleId: change.roleId, type }] : without;
}
