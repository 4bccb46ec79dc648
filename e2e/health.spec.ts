import { expect, test } from './fixtures';

// Monitors call this without signing in; it must answer JSON, not redirect to /signin.
test('health answers ok without signing in', async ({ request }) => {
  const response = await request.get('/api/health', { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/json');
  expect(await response.json()).toEqual({ status: 'ok', db: 'ok' });
});
