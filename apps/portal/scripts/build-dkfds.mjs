// DKFDS (Det Fælles Designsystem) as the portal uses it, built before the Vite build:
//
// - app/styles/dkfds/css/dkfds.css: DKFDS's stylesheet with only the rules whose selectors the
//   portal's components can match (PurgeCSS over app/ and packages/ui), and @font-face rules for
//   IBM Plex Sans as woff2 only, in the weights the remaining rules use. root.tsx imports it, so Vite
//   fingerprints it with the fonts and icons it references (cached for good).
// - public/dkfds/img/all-svg-icons.svg: the icon sprite, for <svg><use href="…#name"/></svg>.
//
// DKFDS's package `exports` expose only its JavaScript, so the files are read from its dist/ folder.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PurgeCSS } from 'purgecss';
import { unicodeRange, woff2CodePoints } from './woff2-cmap.mjs';

const portalDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(portalDir, 'package.json'));
// `dkfds` resolves to dist/js/dkfds.min.js; two levels up is dist/.
const distDir = resolve(dirname(require.resolve('dkfds')), '..');
const stylesDir = join(portalDir, 'app', 'styles', 'dkfds');
const publicDir = join(portalDir, 'public', 'dkfds');

rmSync(stylesDir, { recursive: true, force: true });
rmSync(publicDir, { recursive: true, force: true });

function copy(relativePath, targetDir) {
  const to = join(targetDir, relativePath);
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(join(distDir, relativePath), to);
}

// Every class, element and attribute name the portal can render is written out in these files.
// Class names built at run time are listed in the safelist.
const content = [
  join(portalDir, 'app', '**', '*.{ts,tsx}'),
  join(portalDir, '..', '..', 'packages', 'ui', 'src', '**', '*.{ts,tsx}'),
].map((pattern) => pattern.replaceAll('\\', '/'));
const safelist = {
  standard: [
    /^alert-(info|success|warning|error)$/, // <Alert variant>
    /^badge-(info|success|warning|error)$/, // <Badge variant>
    /^input-width-(xs|s|m|l|xl)$/, // <TextField width>
  ],
};

const [purged] = await new PurgeCSS().purge({
  content,
  css: [join(distDir, 'css', 'dkfds.min.css')],
  safelist,
  keyframes: true,
  // The @font-face rules are written below.
  fontFace: false,
});
if (!purged) throw new Error('build-dkfds: PurgeCSS returned nothing');

// DKFDS declares every weight with eot, woff, woff2 and ttf sources of the complete font (~60 KiB
// each, and woff listed before woff2 for one of them, so browsers fetch the larger file). Declare
// woff2 only, for the weights the remaining rules use, split by script as DKFDS ships them: each
// file covers the characters its cmap lists (`unicode-range`), so a Danish page loads only the
// Latin-1 part (~17 KiB) of each weight and another script loads its part when a page has it.
let css = purged.css.replace(/@font-face\s*\{[^}]*\}/g, '');
const weightNames = { 400: 'Regular', 500: 'Medium', 600: 'SemiBold', 700: 'Bold' };
const weights = new Set([400]);
for (const match of css.matchAll(/font-weight\s*:\s*(\d{3}|bold|normal)/g)) {
  const weight = match[1] === 'bold' ? 700 : match[1] === 'normal' ? 400 : Number(match[1]);
  if (weight in weightNames) weights.add(weight);
  else console.warn(`build-dkfds: no IBM Plex Sans file for font-weight ${match[1]}`);
}
// Most used first: a character goes to the first part that has it.
const scripts = ['Latin1', 'Latin2', 'Latin3', 'Pi', 'Cyrillic', 'Greek'];
const faces = [];
for (const weight of [...weights].sort()) {
  for (const italic of [false, true]) {
    const style = italic ? (weight === 400 ? 'Italic' : `${weightNames[weight]}Italic`) : weightNames[weight];
    const covered = new Set();
    for (const script of scripts) {
      const file = `fonts/IBMPlexSans/split/woff2/IBMPlexSans-${style}-${script}.woff2`;
      const codePoints = [...woff2CodePoints(join(distDir, file))].filter((point) => !covered.has(point));
      for (const point of codePoints) covered.add(point);
      if (codePoints.length === 0) continue;
      copy(file, stylesDir);
      faces.push(
        `@font-face{font-family:"IBM Plex Sans";font-style:${italic ? 'italic' : 'normal'};font-weight:${weight};` +
          `font-display:swap;src:url(../${file}) format("woff2");unicode-range:${unicodeRange(codePoints)}}`,
      );
    }
  }
}
css = `${faces.join('\n')}\n${css}`;

// Copy what the remaining rules reference (icons in backgrounds and masks).
const referenced = new Set();
for (const match of css.matchAll(/url\((['"]?)([^'")]+)\1\)/g)) {
  const url = match[2];
  if (!url || url.startsWith('data:') || url.startsWith('#') || url.includes('/fonts/')) continue;
  referenced.add(join('css', url.split(/[?#]/)[0]));
}
for (const file of referenced) copy(resolve('/', file).slice(1), stylesDir);

mkdirSync(join(stylesDir, 'css'), { recursive: true });
writeFileSync(
  join(stylesDir, 'css', 'dkfds.css'),
  `/* DKFDS ${JSON.parse(readFileSync(join(distDir, '..', 'package.json'), 'utf8')).version}, MIT, purged for Brobygger */\n${css}`,
);
copy('LICENSE.md', stylesDir);
copy('img/all-svg-icons.svg', publicDir);
copy('LICENSE.md', publicDir);

const original = readFileSync(join(distDir, 'css', 'dkfds.min.css')).length;
console.log(
  `build-dkfds: stylesheet ${Math.round(original / 1024)} KiB → ${Math.round(css.length / 1024)} KiB, ` +
    `weights ${[...weights].sort().join(', ')}, ${referenced.size} icons`,
);
