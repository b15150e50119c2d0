/** Text helpers shared by the engines: tokens, Danish folding, edit distance, escaping. */

/** At most this many words of a query are used; the rest is ignored. */
export const maxQueryTokens = 10;
/** Longer "words" are cut (nobody types a 60-letter word; it only costs). */
export const maxTokenLength = 40;

/** The words of a query: letters and digits only, so no operator of any engine survives. */
export function tokenize(q: string): string[] {
  const tokens: string[] = [];
  for (const match of q
    .normalize('NFC')
    .toLowerCase()
    .matchAll(/[\p{L}\p{N}]+/gu)) {
    tokens.push(match[0].slice(0, maxTokenLength));
    if (tokens.length >= maxQueryTokens) break;
  }
  return tokens;
}

/** æ → ae, ø → oe, å → aa, other accents dropped: how a Dane types without a Danish keyboard. */
export function fold(word: string): string {
  return stripAccents(word.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa'));
}

/** æ → a, ø → o, å → a: the bare vowel. */
export function bare(word: string): string {
  return stripAccents(word.toLowerCase().replace(/æ/g, 'a').replace(/ø/g, 'o').replace(/å/g, 'a'));
}

function stripAccents(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Optimal string alignment distance (Levenshtein with adjacent transpositions), capped. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(new Array<number>(b.length + 1).fill(0));
    (rows[i] as number[])[0] = i;
  }
  for (let j = 0; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const prev = rows[i - 1] as number[];
    let best = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = value;
      best = Math.min(best, value);
    }
    if (best > cap) return cap + 1;
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** How many typos a word of this length may carry (as Meilisearch: 1 from 5 letters, 2 from 9). */
export function typoBudget(length: number): number {
  if (length >= 9) return 2;
  if (length >= 5) return 1;
  return 0;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export const markStart = '\u0001';
export const markEnd = '\u0002';

/** Escapes a passage whose matches are wrapped in the private markers, then marks them up. */
export function markSnippet(passage: string): string {
  return escapeHtml(passage)
    .replaceAll(markStart, '<mark>')
    .replaceAll(markEnd, '</mark>')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A short plain passage: the start of a text, cut at a word. */
export function shortPassage(text: string, max = 200): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

// Control characters: NUL breaks PostgreSQL text, and the snippet markers must come only from us.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Text as it goes into an index: no control characters (tabs and newlines stay). */
export function cleanText(text: string): string {
  return text.replace(controlCharacters, ' ');
}
