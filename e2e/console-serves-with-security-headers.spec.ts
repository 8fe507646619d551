import { expect, JSON_API, test } from './fixtures.ts';

test('a visitor opens the console, served with security headers and without accessibility problems', async ({
  page,
  axe,
}) => {
  const response = await page.goto('/');

  expect(response?.status()).toBe(200);
  const headers = response?.headers() ?? {};
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toMatch(/^(no-referrer|strict-origin-when-cross-origin)$/);
  await expect(page.getByRole('heading', { level: 1, name: 'OpsChain Console' })).toBeVisible();
  await axe();
});

test('a deep link into the console loads the console itself', async ({ page }) => {
  const response = await page.goto('/projects/x');

  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-type']).toMatch(/^text\/html/);
  await expect(page.getByRole('heading', { level: 1, name: 'OpsChain Console' })).toBeVisible();
});

test('the API asks for credentials and answers the superuser', async ({ request, api }) => {
  const anonymous = await request.get('/api/info', { headers: { accept: JSON_API } });

  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()['www-authenticate']).toMatch(/^Basic /);
  expect(anonymous.headers()['content-type']).toContain(JSON_API);
  expect(await anonymous.json()).toMatchObject({ errors: [{ status: 401 }] });

  const signedIn = await (await api('opschain')).get('/api/info');

  expect(signedIn.status()).toBe(200);
  expect(await signedIn.json()).toMatchObject({ data: { type: 'info' } });
});
