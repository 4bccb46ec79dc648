import { NextResponse } from 'next/server';
import {
  attachmentDisposition,
  baseVersionFrom,
  etagOf,
  readBpmnBody,
  revisionMessageFrom,
  versionFromQuery,
  withFlow,
} from '@/lib/api/flow-route';
import { findRevision } from '@/lib/db/flows/get-revision-xml';
import { saveDocument } from '@/lib/coediting/save-document';
import type { FlowDetail } from '@/lib/db/flows/get-flow';
import { AppError } from '@/lib/errors';

function requestedVersion(flow: FlowDetail, req: Request): number | undefined {
  if (new URL(req.url).searchParams.get('published') !== '1') return versionFromQuery(req);
  if (flow.publishedVersion === null) {
    throw new AppError('NOT_FOUND', 'No version of this flow has been approved by every organisation yet.', { reason: 'NOT_PUBLISHED' });
  }
  return flow.publishedVersion;
}

/**
 * The head revision's XML, or ?version=N, or ?published=1 (the version in force: 404 until one is
 * published); ETag is the version; ?download=1 makes it a file.
 */
export const GET = withFlow('flow.view', async ({ flow, req }) => {
  const revision = await findRevision(flow, requestedVersion(flow, req));
  const etag = etagOf(revision.version);
  const headers: Record<string, string> = {
    ETag: etag,
    'Cache-Control': 'private, no-cache',
    // Opened directly, an XML document runs any XHTML <script> in it (extension elements survive a
    // round trip): no script, no plugins, no same-origin rights for this response.
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'X-Content-Type-Options': 'nosniff',
  };
  if (new URL(req.url).searchParams.get('download') === '1') {
    headers['Content-Disposition'] = attachmentDisposition(`${flow.name} v${revision.version}`, 'bpmn');
  }
  if (req.headers.get('if-none-match')?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(revision.xml, { headers: { ...headers, 'Content-Type': 'application/xml; charset=utf-8' } });
});

/**
 * A whole document (scripts, imports): XML body, If-Match: <base version>. Merged three-way onto the
 * head when the base is older: 409 only when both sides changed the same thing; 403 for another pool.
 */
export const PUT = withFlow('flow.edit', async ({ flow, actor, req }) => {
  const baseVersion = baseVersionFrom(req);
  const message = revisionMessageFrom(req);
  const xml = await readBpmnBody(req);
  const { version } = await saveDocument(actor, flow.id, { xml, baseVersion, message });
  return NextResponse.json({ version }, { headers: { ETag: etagOf(version) } });
});
