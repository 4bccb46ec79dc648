import { xmlOfState } from '@/lib/bpmn/records';
import { db, pooledSql } from '../client';
import { readHeadState, stateAtVersionIn } from './flow-head';

type VersionXml = { xml: string; createdAt: Date; authorName: string; message: string | null };

// Building XML from records costs a serialisation (~20 ms for 300 elements); every reader of the same
// version gets the same bytes, so each instance keeps the last few. Derived data only: losing it costs
// time, never correctness.
const cache = new Map<string, VersionXml>();
const CACHE_SIZE = 64;

/** The XML of any committed version that has no revision of its own (the head, usually). */
export async function xmlAtVersion(flowId: string, version: number, headVersion: number): Promise<VersionXml> {
  const key = `${flowId}@${version}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const state = version === headVersion ? await readHeadState(flowId, headVersion) : await stateAtVersionIn(pooledSql, flowId, version);
  const change = await db.flowChange.findUnique({
    where: { flowId_version: { flowId, version } },
    select: { createdAt: true, author: { select: { name: true } } },
  });
  const value: VersionXml = {
    xml: await xmlOfState(state),
    createdAt: change?.createdAt ?? new Date(),
    authorName: change?.author.name ?? '',
    message: null,
  };
  cache.set(key, value);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return value;
}
