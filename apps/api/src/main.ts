import { answerClientErrors, bootApi } from '@brobygger/api';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';

/** The API on its own (API_PORT, default 8787), for deployments that run it apart from the portal. */
const { app, env, logger, close } = await bootApi({ clientIp: (c) => getConnInfo(c).remote.address ?? null });

const server = serve({ fetch: app.fetch, port: env.API_PORT }, (info) => {
  logger.info({ port: info.port }, `Brobygger API listening on http://localhost:${info.port}/api`);
});
answerClientErrors(server);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close(async () => {
      await close();
      process.exit(0);
    });
  });
}
