// Writes a brotli (.br) and a gzip (.gz) copy beside every text file of the browser build, so the
// server sends compressed files without compressing them on every request
// (server/compression.ts, `staticFiles`). Run after `remix vite:build`.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const clientDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'build', 'client');
const textExtensions = new Set([
  '.js',
  '.mjs',
  '.css',
  '.svg',
  '.json',
  '.html',
  '.txt',
  '.xml',
  '.webmanifest',
  '.md',
]);
// Smaller files fit in one packet either way; the server sends them as they are.
const threshold = 1024;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

let count = 0;
let before = 0;
let after = 0;
for (const path of files(clientDir)) {
  if (!textExtensions.has(extname(path)) || statSync(path).size < threshold) continue;
  const content = readFileSync(path);
  const br = brotliCompressSync(content, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
    },
  });
  const gz = gzipSync(content, { level: constants.Z_BEST_COMPRESSION });
  // A copy that saves nothing would only cost a file read.
  if (br.length < content.length) writeFileSync(`${path}.br`, br);
  if (gz.length < content.length) writeFileSync(`${path}.gz`, gz);
  count++;
  before += content.length;
  after += br.length;
}
console.log(
  `precompress: ${count} files, ${Math.round(before / 1024)} KiB → ${Math.round(after / 1024)} KiB (brotli)`,
);
