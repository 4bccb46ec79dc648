import { NextResponse } from 'next/server';
import { healthReport } from '@/lib/db/health';

// No auth: monitors and load balancers call this. Never cached: it reports the present.
export const dynamic = 'force-dynamic';

export async function GET(): Promise<NextResponse> {
  const report = await healthReport();
  return NextResponse.json(report, {
    status: report.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
