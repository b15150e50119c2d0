// Compiles the production server ahead of time: server/main.ts with the workspace packages, the
// Remix server build and React bundled into dist/server.js, so production runs plain `node` (no
// tsx) and React's production build whatever NODE_ENV says at run time (docs/decisions/0010).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const portalDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Packages that stay in node_modules: native code, WebAssembly and files read at run time, or
 * worker threads. Everything else (ours and the rest of npm) is bundled.
 */
export const runtimePackages = [
  '@electric-sql/pglite',
  '@node-rs/argon2',
  'pg',
  'pg-native',
  'pino',
  'nodemailer',
  // /api/docs reads its browser bundle from this package's files.
  '@scalar/api-reference',
];

await build({
  absWorkingDir: portalDir,
  // The text extraction's child process (packages/api/src/files/extract-text.ts) is forked from
  // `extract-text-child.js` beside the bundle: a bundle of its own (unpdf, officeparser), so the
  // server's bundle no longer holds the parsers (ADR 0018).
  entryPoints: {
    server: 'server/main.ts',
    'extract-text-child': fileURLToPath(import.meta.resolve('@brobygger/api/extract-text-child')),
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  // The code is built for production: React's and Remix's development branches are dropped.
  define: { 'process.env.NODE_ENV': '"production"' },
  external: [...runtimePackages, 'vite', 'lightningcss'],
  // Bundled CommonJS modules still call require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __brobyggerCreateRequire } from 'node:module'; const require = __brobyggerCreateRequire(import.meta.url);",
  },
  plugins: [
    {
      name: 'remix-server-build',
      setup(esbuild) {
        esbuild.onResolve({ filter: /^virtual:remix\/server-build$/ }, () => ({
          path: join(portalDir, 'build', 'server', 'index.js'),
        }));
      },
    },
  ],
  logLevel: 'warning',
});
