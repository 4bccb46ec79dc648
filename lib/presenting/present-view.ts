import { headers } from 'next/headers';
import QRCode from 'qrcode';
import type { PresentData, SharedSession } from '@/components/present/present-data';
import { loadFlowWalkthrough } from '@/lib/db/flows/flow-walkthrough';
import type { FlowDetail } from '@/lib/db/flows/get-flow';
import type { PresentationRow } from '@/lib/db/presentations';
import { env } from '@/lib/env';
import { linksOf } from './presentations';

// What the present, follow and guest pages render: one version's walkthrough, and for the presenter
// the session's code, links and QR code.

type FlowForView = Pick<FlowDetail, 'id' | 'name' | 'headVersion' | 'organisations'>;

export async function presentDataFor(flow: FlowForView, version?: number): Promise<PresentData> {
  const walkthrough = await loadFlowWalkthrough(flow, version);
  return {
    flow: { id: flow.id, name: flow.name },
    version: walkthrough.version,
    xml: walkthrough.xml,
    steps: walkthrough.steps,
    cards: walkthrough.cards,
    touchpoints: walkthrough.touchpoints,
    organisations: flow.organisations.map((o) => ({ id: o.id, name: o.name, colour: o.colour, customerTerm: o.customerTerm })),
    laneNames: walkthrough.laneNames,
  };
}

/** The origin of the page being rendered, for links people open elsewhere (NEXTAUTH_URL when set). */
export async function pageOrigin(): Promise<string> {
  if (env.NEXTAUTH_URL) return new URL(env.NEXTAUTH_URL).origin;
  const host = (await headers()).get('host') ?? 'localhost';
  return `http://${host}`;
}

export async function sharedSessionOf(row: PresentationRow): Promise<SharedSession> {
  const links = linksOf(row, await pageOrigin());
  // qrcode (npm, MIT): a well-kept encoder; an SVG scales to any projector without blurring.
  const qrSvg = await QRCode.toString(links.guestUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { ...links, qrSvg, guestRevoked: row.guestRevokedAt !== null };
}
