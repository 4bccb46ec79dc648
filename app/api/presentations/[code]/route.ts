import { NextResponse } from 'next/server';
import { parseJsonBody, withUser } from '@/lib/api/route';
import { endPresentation, movePresentation } from '@/lib/presenting/presentations';
import { movePresentationSchema } from '@/lib/validation/presentations';

type Params = { code: string };

/** The presenter moves the session: {stepIndex[, overview]}; followers move through their event stream. */
export const PUT = withUser<Params>(async ({ actor, req, params }) => {
  const input = await parseJsonBody(req, movePresentationSchema);
  const moved = await movePresentation(actor, params.code, input);
  return NextResponse.json({ code: moved.code, stepIndex: moved.stepIndex, overview: moved.overview });
});

/** The presenter ends the session: its follow and guest links answer 410 from now on. */
export const DELETE = withUser<Params>(async ({ actor, params }) => {
  await endPresentation(actor, params.code);
  return new Response(null, { status: 204 });
});
