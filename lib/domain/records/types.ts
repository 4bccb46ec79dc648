// The flow as a set of element records: the unit of live co-editing. Every BPMN element with an id
// (semantic or diagram) is one record; what it contains without an id of its own (documentation,
// extension elements, bounds, waypoints …) travels inside its fields. Relations live on the child
// (parent, lanes, source, target); the lists BPMN derives from them (flowNodeRef, incoming, outgoing)
// are rebuilt on the way out, so two people adding to one lane never fight over a list.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Field keys:
 * - `@parent` / `@prop`: the record that contains this one, and in which property ('flowElements' …)
 * - `@lanes`: the lanes whose flowNodeRef lists this flow node
 * - `a:<ns:name>`: an attribute value; `r:<ns:name>`: a reference (an id, or a list of ids)
 * - `b:<ns:name>`: contained content without an id, as a JSON tree (see tree.ts)
 * - `x:<qname>`: an attribute moddle does not know (vendor attributes, namespace declarations)
 */
export type Fields = Record<string, Json>;

export type ElementRecord = { id: string; type: string; fields: Fields };

export type PutOp = { op: 'put'; id: string; type: string; fields: Fields };
/** A null value removes the field. */
export type PatchOp = { op: 'patch'; id: string; fields: Record<string, Json> };
export type RemoveOp = { op: 'remove'; id: string };
export type Op = PutOp | PatchOp | RemoveOp;

/** The record key of the definitions root (its own id may be missing in files from elsewhere). */
export const ROOT_ID = '__definitions__';

export const PARENT = '@parent';
export const PARENT_PROP = '@prop';
export const LANES = '@lanes';
