// Compiles the standalone API server and the operator CLI ahead of time into dist/ (plain `node`,
// no tsx at run time). Only the packages below stay in node_modules; see the portal's
// scripts/bundle-server.mjs, which keeps the same list (docs/decisions/0010).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const apiDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const runtimePackages = [
  '@electric-sql/pglite',
  '@node-rs/argon2',
  'pg',
  'pg-native',
  'pino',
  'nodemailer',
  '@scalar/api-reference',
];

await build({
  absWorkingDir: apiDir,
  // `extract-text-child.js`: the text extraction's child process, forked from beside main.js and
  // cli.js (packages/api/src/files/extract-text.ts; ADR 0018).
  entryPoints: {
    main: 'src/main.ts',
    cli: 'src/cli.ts',
    'extract-text-child': fileURLToPath(import.meta.resolve('@brobygger/api/extract-text-child')),
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  external: runtimePackages,
  banner: {
    js: "import { createRequire as __brobyggerCreateRequire } from 'node:module'; const require = __brobyggerCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
