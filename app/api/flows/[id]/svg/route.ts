import { attachmentDisposition, etagOf, versionFromQuery, withFlow } from '@/lib/api/flow-route';
import { findRevision, readStoredBpmn } from '@/lib/db/flows/get-revision-xml';
import { renderDiagramSvg } from '@/lib/domain/render-svg';

/**
 * The diagram as SVG (head, or ?version=N). An SVG opened directly is a document that could run script;
 * names are escaped by the renderer, and this CSP forbids script anyway.
 */
export const GET = withFlow('flow.view', async ({ flow, req }) => {
  const revision = await findRevision(flow, versionFromQuery(req));
  const svg = renderDiagramSvg(await readStoredBpmn(revision.xml));
  const headers: Record<string, string> = {
    'Content-Type': 'image/svg+xml; charset=utf-8',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-cache',
    ETag: etagOf(revision.version),
  };
  if (new URL(req.url).searchParams.get('download') === '1') {
    headers['Content-Disposition'] = attachmentDisposition(`${flow.name} v${revision.version}`, 'svg');
  }
  return new Response(svg, { headers });
});
