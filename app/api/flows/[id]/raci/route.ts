import { NextResponse } from 'next/server';
import { attachmentDisposition, withFlow } from '@/lib/api/flow-route';
import { raciJson } from '@/lib/api/responsibility-json';
import { loadFlowResponsibility } from '@/lib/db/flows/flow-responsibility';
import { raciCsv, raciMatrix } from '@/lib/domain/responsibility/raci-matrix';
import { requestLocale } from '@/lib/i18n/config';
import en from '@/lib/i18n/messages/en/responsibility.json';
import sv from '@/lib/i18n/messages/sv/responsibility.json';
import { raciQuerySchema, parseFlowInput } from '@/lib/validation/flows';

const CSV_LABELS = { sv: sv.csv, en: en.csv };

/** The RACI of every activity in flow order; ?format=csv gives the matrix for Excel (UTF-8 with BOM). */
export const GET = withFlow('flow.view', async ({ flow, req }) => {
  const { format } = parseFlowInput(raciQuerySchema, { format: new URL(req.url).searchParams.get('format') ?? undefined });
  const { projection, catalogue, laneRoleIds } = await loadFlowResponsibility(flow);
  if (format === 'json') return NextResponse.json(raciJson(projection.activities));
  // The column headings in the caller's UI language (the cookie; Swedish for API tokens).
  const csv = raciCsv(raciMatrix(projection.activities, catalogue, laneRoleIds), flow.organisations, CSV_LABELS[requestLocale(req)]);
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachmentDisposition(`${flow.name} RACI`, 'csv'),
      'Cache-Control': 'private, no-cache',
    },
  });
});
