#!/usr/bin/env node
// Assembles what the production image runs, into one folder (the Dockerfile's final stage copies
// it; tooling/production-folder.test.ts runs it too, since no Docker engine runs here):
//
//   node tooling/production-folder.mjs <out>
//
//   <out>/dist/server.js       the portal (API inside), compiled: `node dist/server.js`
//   <out>/build/client/        its browser assets
//   <out>/api/main.js, cli.js  the standalone API and the operator CLI, compiled
//   <out>/node_modules/        production dependencies only: the few packages the bundles leave out
//
// It expects the builds to exist (`pnpm --filter @brobygger/portal --filter @brobygger/api-server build`).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ? resolve(process.argv[2]) : undefined;
if (!out) {
  console.error('Usage: node tooling/production-folder.mjs <out>');
  process.exit(2);
}
for (const built of ['apps/portal/dist/server.js', 'apps/portal/build/client', 'apps/api/dist/main.js']) {
  if (!existsSync(join(repoDir, built))) {
    console.error(
      `${built} is missing: run \`pnpm --filter @brobygger/portal --filter @brobygger/api-server build\` first.`,
    );
    process.exit(1);
  }
}

rmSync(out, { recursive: true, force: true });
// `pnpm deploy` records its production-only install as the workspace's state, after which every
// `pnpm` command in the checkout wants to reinstall without dev dependencies: put it back.
const statePath = join(repoDir, 'node_modules', '.pnpm-workspace-state-v1.json');
const state = existsSync(statePath) ? readFileSync(statePath) : undefined;
try {
  // The portal package's `files` (dist, build/client) and its production dependencies, nothing else.
  // --prefer-offline, not --offline: deploy resolves again and needs each package's metadata,
  // which a `pnpm install --frozen-lockfile` on a fresh machine never fetched.
  execFileSync(
    'pnpm',
    ['--filter', '@brobygger/portal', 'deploy', '--prod', '--legacy', '--prefer-offline', out],
    {
      cwd: repoDir,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
} finally {
  if (state) writeFileSync(statePath, state);
}
// The standalone API and the CLI leave out the same packages, so they resolve them from here.
cpSync(join(repoDir, 'apps', 'api', 'dist'), join(out, 'api'), {
  recursive: true,
  filter: (source) => !source.endsWith('.map'),
});
console.log(`production folder ready: ${out}`);
