/** `pnpm dev`: Vite builds the app on demand and serves the browser assets with hot reloading. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequestHandler, type ServerBuild } from '@remix-run/node';
import { createServer as createViteServer } from 'vite';
import { startPortal } from './start-portal';

const portalDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const vite = await createViteServer({ root: portalDir, server: { middlewareMode: true }, appType: 'custom' });

await startPortal({
  handleRequest: createRequestHandler(
    () => vite.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>,
    'development',
  ),
  vite,
});
