import { existsSync } from 'node:fs';
import { createServer, type RequestListener, type ServerOptions } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { answerClientErrors, bootApi } from '@brobygger/api';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createRequestHandler, type ServerBuild } from '@remix-run/node';
import { createPortalServer } from './create-portal-server';

const portalDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const dev = process.argv.includes('--dev');
const production = process.env.NODE_ENV === 'production';
const port = Number.parseInt(process.env.PORT ?? '3000', 10);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  throw new Error(`PORT must be a port number, not "${process.env.PORT}"`);
}

const {
  app: api,
  env,
  close: closeApi,
  logger,
} = await bootApi({
  env: process.env,
  // The socket's address; the portal's in-process API calls pass the Node bindings on, so it
  // is the visitor's address there too.
  clientIp: (c) => getConnInfo(c).remote.address ?? null,
});

// In development Vite builds the app on demand and serves the browser assets with hot reloading.
const vite = dev
  ? await import('vite').then(({ createServer: createViteServer }) =>
      createViteServer({ root: portalDir, server: { middlewareMode: true }, appType: 'custom' }),
    )
  : undefined;

async function loadProductionBuild(): Promise<ServerBuild> {
  const buildPath = join(portalDir, 'build', 'server', 'index.js');
  if (!existsSync(buildPath)) {
    throw new Error(`No portal build at ${buildPath}: run \`pnpm --filter @brobygger/portal build\` first.`);
  }
  return (await import(pathToFileURL(buildPath).href)) as ServerBuild;
}

const handleRequest = vite
  ? createRequestHandler(
      () => vite.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>,
      'development',
    )
  : // A built bundle always runs in Remix's production mode, so error details never reach the
    // browser; NODE_ENV=production means more (HSTS, secure cookies, no demo accounts).
    createRequestHandler(await loadProductionBuild(), 'production');

const portal = createPortalServer({
  api,
  handleRequest,
  publicUrl: env.PUBLIC_URL,
  ...(vite ? {} : { clientDir: join(portalDir, 'build', 'client') }),
  production,
  dev,
  logger,
});

const server = serve(
  {
    fetch: portal.fetch,
    port,
    ...(vite
      ? {
          // Vite's middleware answers its own requests (modules, HMR) and passes the rest on.
          createServer: ((serverOptions: ServerOptions, listener: RequestListener) =>
            createServer(serverOptions, (req, res) =>
              vite.middlewares(req, res, () => listener(req, res)),
            )) as typeof createServer,
        }
      : {}),
  },
  (info) => logger.info({ port: info.port, dev }, `portal listening on http://localhost:${info.port}`),
);
answerClientErrors(server);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'portal stopping');
  server.close();
  await vite?.close();
  await closeApi();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
