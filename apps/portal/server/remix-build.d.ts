// The Remix server build (`build/server/index.js`), which `scripts/bundle-server.mjs` resolves
// and bundles into the compiled server.
declare module 'virtual:remix/server-build' {
  import type { ServerBuild } from '@remix-run/node';

  const build: ServerBuild;
  export = build;
}
