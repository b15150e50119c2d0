// DKFDS's package `exports` expose only its JavaScript, so the stylesheet and every file it
// references (fonts, icons) are copied into public/dkfds/ before the Vite build.
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const portalDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(portalDir, 'package.json'));
// `dkfds` resolves to dist/js/dkfds.min.js; two levels up is dist/.
const distDir = resolve(dirname(require.resolve('dkfds')), '..');
const targetDir = join(portalDir, 'public', 'dkfds');

rmSync(targetDir, { recursive: true, force: true });

function copy(relativePath) {
  const to = join(targetDir, relativePath);
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(join(distDir, relativePath), to);
}

const stylesheet = 'css/dkfds.min.css';
copy(stylesheet);

const css = readFileSync(join(distDir, stylesheet), 'utf8');
const referenced = new Set();
for (const match of css.matchAll(/url\((['"]?)([^'")]+)\1\)/g)) {
  const url = match[2];
  if (!url || url.startsWith('data:') || url.startsWith('#')) continue;
  const withoutQuery = url.split(/[?#]/)[0];
  referenced.add(join('css', withoutQuery));
}
for (const file of referenced) copy(file);

// The icon sprite, for <svg><use href="/dkfds/img/all-svg-icons.svg#name"/></svg>.
copy('img/all-svg-icons.svg');
copy('LICENSE.md');

console.log(`copy-dkfds: ${referenced.size + 3} files into ${targetDir}`);
