import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

// Every spec imports `test` and `expect` from here, so every page a test visits is checked with axe
// (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA): after each page.goto and once more on the page the test ends
// on. A serious or critical violation fails the test with the list of what broke where.

export { expect };

export const DEMO_USERS = ['kommun.admin', 'kommun.editor', 'region.admin', 'region.editor', 'viewer'] as const;
export type DemoUser = (typeof DEMO_USERS)[number];
export const DEMO_PASSWORD = 'stafett-demo';

export function demoEmail(user: DemoUser): string {
  return `${user}@stafett.test`;
}

// Sessions are only valid on the server (and secret) that issued them, and several runs may share this
// work tree (the dev server on :3000, `npm test` on a random port): one folder per server keeps one
// run from overwriting another's cookies. Workers see the same variables as playwright.config.ts.
const serverKey = (process.env.E2E_BASE_URL ?? `http://localhost:${process.env.E2E_PORT ?? 3100}`).replace(/[^a-z0-9]+/gi, '_');

/** Saved sign-in of a demo user (written by e2e/auth.setup.ts): `test.use({ storageState: storageStateFor('viewer') })`. */
export function storageStateFor(user: DemoUser): string {
  return path.join(__dirname, '.auth', serverKey, `${user}.json`);
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const FAILING_IMPACTS = new Set(['serious', 'critical']);

type Finding = { rule: string; impact: string; help: string; url: string; targets: string[] };

class AxeAudit {
  private findings = new Map<string, Finding>();

  constructor(
    private readonly page: Page,
    private readonly exclude: string[],
  ) {}

  async scan(): Promise<void> {
    const url = this.page.url();
    if (!/^https?:/.test(url)) return; // about:blank, downloads: nothing to audit
    await this.settle();
    let builder = new AxeBuilder({ page: this.page }).withTags(WCAG_TAGS);
    for (const selector of this.exclude) builder = builder.exclude(selector);
    const results = await builder.analyze();
    for (const v of results.violations) {
      if (!v.impact || !FAILING_IMPACTS.has(v.impact)) continue;
      const targets = v.nodes.map((n) => n.target.join(' '));
      const key = `${v.id}@${new URL(url).pathname}`;
      this.findings.set(key, { rule: v.id, impact: v.impact, help: v.help, url, targets });
    }
  }

  /**
   * Next 16 streams metadata: the <title> arrives after the page's shell, and a client refresh (the
   * language switch) replaces it. Audit the page once it is complete, not a half-streamed one; a page
   * that really lacks a title still fails axe after this bounded wait.
   */
  private async settle(): Promise<void> {
    await this.page.waitForLoadState('load').catch(() => undefined);
    await this.page.waitForFunction(() => document.title.trim() !== '', null, { timeout: 5_000 }).catch(() => undefined);
  }

  report(): string | null {
    if (this.findings.size === 0) return null;
    const lines = [...this.findings.values()].map(
      (f) => `- [${f.impact}] ${f.rule}: ${f.help}\n    on ${f.url}\n    at ${f.targets.slice(0, 5).join(', ')}${f.targets.length > 5 ? ` (+${f.targets.length - 5} more)` : ''}`,
    );
    return `Accessibility violations (serious or critical):\n${lines.join('\n')}`;
  }
}

type AxeOptions = {
  /** Set false only for a test that never shows a page of ours (say, a pure API test). */
  axeScan: boolean;
  /**
   * CSS selectors axe skips. Empty by default; a spec adds the bpmn-js canvas internals
   * (e.g. '.djs-container svg') only if axe flags bpmn-js's own third-party SVG there, and says so.
   */
  axeExclude: string[];
};

export const test = base.extend<AxeOptions>({
  axeScan: [true, { option: true }],
  axeExclude: [[], { option: true }],
  page: async ({ page, axeScan, axeExclude }, use, testInfo) => {
    if (!axeScan) return use(page);
    const audit = new AxeAudit(page, axeExclude);
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      const type = response?.headers()['content-type'] ?? 'text/html';
      if (type.includes('text/html')) await audit.scan();
      return response;
    };
    await use(page);
    // The final page, unless the test already failed for its own reasons (then its error matters more).
    if (testInfo.status === testInfo.expectedStatus && !page.isClosed()) await audit.scan();
    const report = audit.report();
    if (report) throw new Error(report);
  },
});
