/**
 * The production server, as `pnpm start` and the Docker image run it: compiled ahead of time by
 * `scripts/bundle-server.mjs` into `dist/server.js`, with the Remix build and React bundled in
 * production mode. Run it with plain `node dist/server.js` (the package's `serve` script).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as build from 'virtual:remix/server-build';
import { createRequestHandler } from '@remix-run/node';
import { startPortal } from './start-portal';

// dist/server.js → the package folder, whose build/client holds the browser assets.
const portalDir = join(dirname(fileURLToPath(import.meta.url)), '..');

await startPortal({
  // A built bundle always runs in Remix's production mode, so error details never reach the browser.
  handleRequest: createRequestHandler(build, 'production'),
  clientDir: join(portalDir, 'build', 'client'),
});
