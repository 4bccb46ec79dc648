import { NextResponse } from 'next/server';
import { mediaTypeOf, withUser, parseJsonBody } from '@/lib/api/route';
import { isXmlContentType, readBpmnBody } from '@/lib/api/flow-route';
import { createFlow } from '@/lib/db/flows/create-flow';
import { createFlowFromBpmn } from '@/lib/db/flows/create-flow-from-bpmn';
import { AppError } from '@/lib/errors';
import { createFlowSchema, importFlowMetaSchema, parseFlowInput } from '@/lib/validation/flows';
import { listFlowsForActor } from '@/lib/db/flows/list-flows';

/** The flows the caller may see, newest change first. (POST, creating a flow, lives beside it.) */
export const GET = withUser(async ({ actor }) => {
  return NextResponse.json({ flows: await listFlowsForActor(actor) });
});

/**
 * Creates a flow: a JSON body ({ name, purpose, category, organisations, roles }) draws the starting
 * collaboration; a BPMN file (Content-Type application/xml) is imported, with ?name=&ownerOrganisationId=.
 */
export const POST = withUser(async ({ req, actor }) => {
  const type = mediaTypeOf(req);
  let created: { id: string; version: number; warnings?: unknown[] };
  if (type === 'application/json') {
    created = await createFlow(actor, await parseJsonBody(req, createFlowSchema));
  } else if (isXmlContentType(req)) {
    const xml = await readBpmnBody(req);
    const query = Object.fromEntries(new URL(req.url).searchParams);
    created = await createFlowFromBpmn(actor, xml, parseFlowInput(importFlowMetaSchema, query));
  } else {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send JSON (application/json) to create a flow, or a BPMN file (application/xml) to import one.');
  }
  return NextResponse.json(created, { status: 201, headers: { Location: `/api/flows/${created.id}` } });
});
