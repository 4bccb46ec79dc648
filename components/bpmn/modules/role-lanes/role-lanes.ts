// Lanes from an organisation's role catalogue: list the pools with the roles they already have, and add
// a lane named after a role, carrying `stafett:roleId` so the lane stays linked to the role (a rename in
// the catalogue renames the lane in every flow).

import { ORGANISATION_ATTR, ROLE_ATTR } from '@/lib/bpmn/stafett-details';

type BusinessObject = {
  id: string;
  name?: string;
  get(name: string): unknown;
  $attrs?: Record<string, unknown>;
};
type Shape = { id: string; type: string; parent?: Shape; children?: Shape[]; businessObject: BusinessObject };
type ElementRegistry = { get(id: string): Shape | undefined; filter(fn: (e: Shape) => boolean): Shape[] };
type Modeling = {
  addLane(shape: Shape, location: 'top' | 'bottom'): Shape;
  splitLane(shape: Shape, count: number): void;
  updateProperties(element: Shape, properties: Record<string, unknown>): void;
};

export type PoolInfo = { id: string; name: string; organisationId?: string; roleIds: string[] };


/** An extension attribute, whether the stafett descriptor is registered (typed) or not (kept in $attrs). */
function readAttr(bo: BusinessObject, name: string): string | undefined {
  let value: unknown;
  try {
    value = bo.get(name);
  } catch {
    value = undefined;
  }
  value ??= bo.$attrs?.[name];
  return typeof value === 'string' && value ? value : undefined;
}

function participantOf(shape: Shape): Shape | undefined {
  let current: Shape | undefined = shape.parent;
  while (current && current.type !== 'bpmn:Participant') current = current.parent;
  return current;
}

function childLanes(shape: Shape): Shape[] {
  return (shape.children ?? []).filter((child) => child.type === 'bpmn:Lane');
}

export default function RoleLanes(
  this: {
    listPools: () => PoolInfo[];
    addRoleLane: (participantId: string, role: { id: string; name: string }) => string;
  },
  elementRegistry: ElementRegistry,
  modeling: Modeling,
) {
  this.listPools = () => {
    const lanes = elementRegistry.filter((e) => e.type === 'bpmn:Lane');
    return elementRegistry
      .filter((e) => e.type === 'bpmn:Participant')
      .map((pool) => ({
        id: pool.id,
        name: pool.businessObject.name ?? '',
        organisationId: readAttr(pool.businessObject, ORGANISATION_ATTR),
        roleIds: lanes
          .filter((lane) => participantOf(lane) === pool)
          .map((lane) => readAttr(lane.businessObject, ROLE_ATTR))
          .filter((id): id is string => id !== undefined),
      }));
  };

  this.addRoleLane = (participantId, role) => {
    const pool = elementRegistry.get(participantId);
    if (!pool || pool.type !== 'bpmn:Participant') throw new Error(`No pool with id ${participantId}`);
    let lane: Shape | undefined;
    if (childLanes(pool).length === 0) {
      // A pool without lanes: one lane filling the pool keeps its content inside the new role's lane.
      modeling.splitLane(pool, 1);
      lane = childLanes(pool)[0];
    } else {
      lane = modeling.addLane(pool, 'bottom');
    }
    if (!lane) throw new Error('bpmn-js did not create a lane');
    modeling.updateProperties(lane, { name: role.name, [ROLE_ATTR]: role.id });
    return lane.id;
  };
}

RoleLanes.$inject = ['elementRegistry', 'modeling'];
