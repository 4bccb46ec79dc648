import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { existsSync } from 'node:fs';

export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic'],
  });
}

/** Shapes and connections in a BPMN file's diagram: when the canvas shows that many, it has rendered. */
export function countDiagramElements(xml: string): number {
  return (xml.match(/<bpmndi:BPMN(Shape|Edge)\b/g) ?? []).length;
}

/**
 * Milliseconds from navigation start until the canvas holds `expected` shapes and connections, in a
 * fresh page of `context` (fresh JS heap each time, HTTP cache kept like a returning user's browser).
 */
export async function timeToFirstRender(context: BrowserContext, url: string, expected: number): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      (n) => {
        const count = document.querySelectorAll('.djs-container g.djs-shape, .djs-container g.djs-connection').length;
        return count >= n ? performance.now() : false;
      },
      expected,
      { polling: 'raf', timeout: 60_000 },
    );
    return (await handle.jsonValue()) as number;
  } finally {
    await page.close();
  }
}

export async function signIn(context: BrowserContext, baseUrl: string, email: string, password: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/signin'), { timeout: 30_000 });
  await page.close();
}
