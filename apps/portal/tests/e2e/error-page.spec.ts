import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type ServerType, serve } from '@hono/node-server';
import { createRequestHandler, type ServerBuild } from '@remix-run/node';
import { Hono } from 'hono';
import { createPortalServer } from '../../server/create-portal-server';
import { expect, test } from './fixtures';

const portalDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// The built portal in front of an API that fails every call: the one way to reach the error page
// without a fault injection switch in the product.
test.describe('when the API fails', () => {
  let server: ServerType;
  let origin: string;
  const logged: unknown[] = [];
  const consoleError = console.error;

  test.beforeAll(async () => {
    const build = (await import(
      pathToFileURL(join(portalDir, 'build', 'server', 'index.js')).href
    )) as ServerBuild;
    const failingApi = new Hono().all('/api/*', (c) =>
      c.json({ error: { code: 'internal_error', message: 'Simulated failure' } }, 500),
    );
    const portal = createPortalServer({
      api: failingApi,
      handleRequest: createRequestHandler(build, 'production'),
      clientDir: join(portalDir, 'build', 'client'),
      production: false,
    });
    console.error = (...args: unknown[]) => logged.push(args);
    server = await new Promise<ServerType>((resolve) => {
      const listening = serve({ fetch: portal.fetch, port: 0, hostname: '127.0.0.1' }, () =>
        resolve(listening),
      );
    });
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  test.afterAll(async () => {
    console.error = consoleError;
    await new Promise((resolve) => server.close(resolve));
  });

  test('the visitor gets the error page inside the layout, with status 500', async ({ page, context }) => {
    const response = await page.goto(`${origin}/fokusomraader`);
    expect(response?.status()).toBe(500);
    await expect(page).toHaveTitle('Der opstod en fejl · Brobygger — Skanderborg Kommune');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Der opstod en fejl');
    await expect(page.getByRole('navigation', { name: 'Hovedmenu' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Gå til forsiden' })).toBeVisible();
    // What went wrong stays in the server log, not on the page.
    await expect(page.getByRole('main')).not.toContainText('Simulated failure');
    expect(logged.length).toBeGreaterThan(0);

    await context.addCookies([{ name: 'lng', value: 'en', url: origin }]);
    await page.goto(`${origin}/`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Something went wrong');
  });
});
