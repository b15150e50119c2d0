const danishLetters: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa' };

/**
 * Turns a Danish name into a slug the way the policy's own slugs are written
 * ("Integrationsforståelse" → "integrationsforstaaelse").
 */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[æøå]/g, (letter) => danishLetters[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
