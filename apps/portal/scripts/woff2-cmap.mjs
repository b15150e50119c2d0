// The characters a WOFF2 font has glyphs for, read from its cmap table, for `unicode-range`.
// WOFF2 (https://www.w3.org/TR/WOFF2/): a header, a table directory, then every table in one
// brotli stream; the cmap table is stored as it is in the font (only glyf, loca and hmtx are
// transformed).
import { readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';

const cmapTagIndex = 0;
const glyfTagIndex = 10;
const locaTagIndex = 11;

/** @returns {Set<number>} the code points the font's cmap maps. */
export function woff2CodePoints(path) {
  const font = readFileSync(path);
  if (font.toString('latin1', 0, 4) !== 'wOF2') throw new Error(`${path}: not a WOFF2 font`);
  if (font.toString('latin1', 4, 8) === 'ttcf')
    throw new Error(`${path}: font collections are not supported`);
  const numTables = font.readUInt16BE(12);
  const totalCompressedSize = font.readUInt32BE(20);
  let offset = 48;
  const uintBase128 = () => {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const byte = font[offset++];
      value = value * 128 + (byte & 0x7f);
      if ((byte & 0x80) === 0) return value;
    }
    throw new Error(`${path}: bad UIntBase128`);
  };
  const tables = [];
  for (let i = 0; i < numTables; i++) {
    const flags = font[offset++];
    const tagIndex = flags & 0x3f;
    const transformVersion = flags >> 6;
    if (tagIndex === 63) offset += 4; // an arbitrary tag, spelled out
    const origLength = uintBase128();
    // glyf and loca are transformed unless version 3; every other table unless version 0.
    const transformed =
      tagIndex === glyfTagIndex || tagIndex === locaTagIndex
        ? transformVersion !== 3
        : transformVersion !== 0;
    tables.push({ tagIndex, length: transformed ? uintBase128() : origLength });
  }
  const data = brotliDecompressSync(font.subarray(offset, offset + totalCompressedSize));
  let start = 0;
  let cmap;
  for (const table of tables) {
    if (table.tagIndex === cmapTagIndex) cmap = data.subarray(start, start + table.length);
    start += table.length;
  }
  if (!cmap) throw new Error(`${path}: no cmap table`);

  const points = new Set();
  let format4;
  let format12;
  for (let i = 0; i < cmap.readUInt16BE(2); i++) {
    const platformId = cmap.readUInt16BE(4 + i * 8);
    const subtable = cmap.readUInt32BE(8 + i * 8);
    const format = cmap.readUInt16BE(subtable);
    if (format === 12) format12 = subtable;
    else if (format === 4 && (platformId === 0 || platformId === 3)) format4 = subtable;
  }
  if (format12 !== undefined) {
    const groups = cmap.readUInt32BE(format12 + 12);
    for (let g = 0; g < groups; g++) {
      const first = cmap.readUInt32BE(format12 + 16 + g * 12);
      const last = cmap.readUInt32BE(format12 + 20 + g * 12);
      for (let point = first; point <= last; point++) points.add(point);
    }
  } else if (format4 !== undefined) {
    const segments = cmap.readUInt16BE(format4 + 6) / 2;
    const ends = format4 + 14;
    const starts = ends + segments * 2 + 2;
    for (let s = 0; s < segments; s++) {
      const last = cmap.readUInt16BE(ends + s * 2);
      for (let point = cmap.readUInt16BE(starts + s * 2); point <= last && point !== 0xffff; point++) {
        points.add(point);
      }
    }
  } else {
    throw new Error(`${path}: no Unicode cmap subtable (format 4 or 12)`);
  }
  return points;
}

/** `U+20-7E,U+A0-FF,…` for a list of code points. */
export function unicodeRange(codePoints) {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const hex = (point) => point.toString(16).toUpperCase();
  const ranges = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    ranges.push(i === j ? `U+${hex(sorted[i])}` : `U+${hex(sorted[i])}-${hex(sorted[j])}`);
    i = j + 1;
  }
  return ranges.join(',');
}
