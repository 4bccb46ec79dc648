import type { Page } from '@playwright/test';
import { addTask, createSharedFlow, downloadedText, openEditor } from './editor-canvas';
import { expect, storageStateFor, test } from './fixtures';

// Every page is served with a nonce-based CSP (proxy.ts), and the app must still work under it: the
// bpmn-js editor, next-intl's client messages and the SVG/PNG/BPMN exports. The browser reports every
// blocked script, style, image or connection as a securitypolicyviolation event and a console error.

test.use({ storageState: storageStateFor('kommun.editor') });
test.describe.configure({ timeout: 120_000 });

type Violation = { directive: string; blocked: string; source: string };

/** Collects what the page's CSP blocked, from the DOM event and from the console, across navigations. */
async function recordViolations(page: Page): Promise<Violation[]> {
  const violations: Violation[] = [];
  await page.exposeFunction('__reportCspViolation', (v: Violation) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCspViolation: (v: unknown) => void }).__reportCspViolation({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        source: `${e.sourceFile}:${e.lineNumber}`,
      });
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      violations.push({ directive: 'console', blocked: message.text(), source: message.location().url });
    }
  });
  return violations;
}

function directivesOf(header: string | undefined): Map<string, string> {
  return new Map((header ?? '').split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0]!, d] as [string, string]));
}

test('every page carries a strict, per-response nonce policy', async ({ page }) => {
  const first = await page.goto('/');
  const second = await page.goto('/');
  const policy = directivesOf(first?.headers()['content-security-policy']);
  expect(policy.get('script-src')).toMatch(/^script-src 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'$/);
  expect(policy.get('object-src')).toBe("object-src 'none'");
  expect(policy.get('base-uri')).toBe("base-uri 'none'");
  expect(policy.get('frame-ancestors')).toBe("frame-ancestors 'none'");
  expect(first?.headers()['content-security-policy']).not.toBe(second?.headers()['content-security-policy']);
  // Next put this response's nonce on its own scripts: otherwise nothing would hydrate.
  const nonce = /'nonce-([^']+)'/.exec(second?.headers()['content-security-policy'] ?? '')?.[1];
  expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  expect(await page.locator('script:not([nonce])[src], script:not([nonce]):not([src])').count()).toBe(0);
  expect(nonce).toBeTruthy();
  // Plain HTTP here: no HSTS (it would pin a local name to HTTPS).
  expect(first?.headers()['strict-transport-security']).toBeUndefined();
});

test('the recorder sees what the policy blocks (so the test below can fail)', async ({ page }) => {
  const violations = await recordViolations(page);
  await page.goto('/profile');
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.alt = '';
    img.src = 'https://tracker.invalid/pixel.png';
    document.body.append(img);
  });
  await expect.poll(() => violations.map((v) => v.directive)).toContain('img-src');
});

test('the editor, its client-side translations and all three exports work under the policy', async ({ page, playwright, baseURL }) => {
  const violations = await recordViolations(page);
  const viewerRequest = await playwright.request.newContext({ baseURL, storageState: storageStateFor('viewer') });
  const flow = await createSharedFlow(page.request, viewerRequest);
  await openEditor(page, flow);
  await addTask(page, flow.kommun.laneId, 'Uppgift under CSP');
  for (const name of ['Ladda ner BPMN', 'Ladda ner SVG', 'Ladda ner PNG']) {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    expect((await downloadedText(file)).length).toBeGreaterThan(100);
  }
  await page.goto('/profile');
  await expect(page.getByRole('heading', { level: 1, name: 'Min profil' })).toBeVisible();
  await page.goto('/signin');
  expect(violations).toEqual([]);
  await viewerRequest.dispose();
});
