import { createServer, type RequestListener, type ServerOptions } from 'node:http';
import { answerClientErrors, bootApi } from '@brobygger/api';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppLoadContext } from '@remix-run/node';
import type { Connect } from 'vite';
import { createPortalServer } from './create-portal-server';
import { withFrontDoor } from './front-door';
import { PageCache } from './page-cache';

export interface StartPortalOptions {
  /** Remix's request handler: the compiled build in production, Vite's on-demand build in development. */
  handleRequest: (request: Request, loadContext: AppLoadContext) => Promise<Response>;
  /** Remix's built browser assets (`build/client`); omitted when Vite serves them. */
  clientDir?: string;
  /** Vite's dev server (`pnpm dev`): its middleware answers module and HMR requests first. */
  vite?: { middlewares: Connect.Server; close(): Promise<void> };
}

/**
 * Boots the API (database, migrations, seed), builds the portal app around it and listens on
 * PORT; SIGINT/SIGTERM close the server and the database. `main.ts` (the compiled production
 * server) and `dev.ts` (`pnpm dev`) both start this way.
 */
export async function startPortal({ handleRequest, clientDir, vite }: StartPortalOptions): Promise<void> {
  const {
    app: api,
    env,
    close: closeApi,
    logger,
    publicDataGeneration,
    identifyVisitor,
    eventListVersion,
    answerFromMemory,
  } = await bootApi({
    env: process.env,
    // The socket's address; the portal's in-process API calls pass the Node bindings on, so it
    // is the visitor's address there too.
    clientIp: (c) => getConnInfo(c).remote.address ?? null,
  });

  const portal = createPortalServer({
    api,
    handleRequest,
    publicUrl: env.PUBLIC_URL,
    ...(clientDir ? { clientDir } : {}),
    // NODE_ENV as the operator set it at run time: production security (HSTS, secure cookies).
    // How the code was built is decided at build time (ADR 0010).
    production: env.NODE_ENV === 'production',
    dev: Boolean(vite),
    logger,
    // Rendered pages of public data, kept until the data changes (ADR 0013); not while Vite
    // rebuilds the code on every change.
    ...(vite || !env.PAGE_CACHE
      ? {}
      : {
          pageCache: new PageCache({ generation: publicDataGeneration, localVersion: eventListVersion }),
          identifyVisitor,
        }),
  });

  // What the API holds in memory is answered before anything else sees the request (front-door.ts).
  const frontDoor = (listener: RequestListener) => withFrontDoor(answerFromMemory, listener, logger);
  const server = serve(
    {
      fetch: portal.fetch,
      port: env.PORT,
      createServer: ((serverOptions: ServerOptions, listener: RequestListener) =>
        createServer(
          serverOptions,
          frontDoor(
            vite
              ? // Vite's middleware answers its own requests (modules, HMR) and passes the rest on.
                (req, res) => vite.middlewares(req, res, () => listener(req, res))
              : listener,
          ),
        )) as typeof createServer,
    },
    (info) =>
      logger.info(
        { port: info.port, dev: Boolean(vite) },
        `portal listening on http://localhost:${info.port}`,
      ),
  );
  // Requests Node refuses itself (431 headers too large, 408, 400) get an error body too.
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
}
