import { NextResponse } from 'next/server';
import { withFlow } from '@/lib/api/flow-route';
import { publicOrigin } from '@/lib/api/public-origin';
import { parseJsonBody } from '@/lib/api/route';
import { linksOf, startPresentation } from '@/lib/presenting/presentations';
import { createPresentationSchema } from '@/lib/validation/presentations';

/** Starts a workshop session (anyone who may view the flow): 201 {code, followUrl, guestUrl, expiresAt}. */
export const POST = withFlow('flow.view', async ({ flow, actor, req }) => {
  // The body is optional: a bare POST starts a session on the head with the default lifetime.
  const input = req.headers.get('content-type') ? await parseJsonBody(req, createPresentationSchema) : {};
  const presentation = await startPresentation(actor, flow, input);
  return NextResponse.json(linksOf(presentation, publicOrigin(req)), { status: 201 });
});
