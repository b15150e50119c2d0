import { describe, expect, it } from 'vitest';
import { slugify } from './slugify.ts';

describe('slugify', () => {
  it('writes Danish letters the way the policy does', () => {
    expect(slugify('Integrationsforståelse og kulturforskelle')).toBe(
      'integrationsforstaaelse-og-kulturforskelle',
    );
    expect(slugify('Børn og familieliv')).toBe('boern-og-familieliv');
    expect(slugify('Unge mænd')).toBe('unge-maend');
  });

  it('drops punctuation and quotes', () => {
    expect(slugify('Projekt "Sundhedsplejersker styrker integration"')).toBe(
      'projekt-sundhedsplejersker-styrker-integration',
    );
    expect(slugify('NUSSA – program i dagtilbud og skoler')).toBe('nussa-program-i-dagtilbud-og-skoler');
  });
});
