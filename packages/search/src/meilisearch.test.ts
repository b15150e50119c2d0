// The Meilisearch adapter's pure parts, checked without a server.
import { describe, expect, it } from 'vitest';
import { filterValue, meiliFilter, meiliKey, meiliSettings, toMeiliDocument } from './meilisearch.ts';

describe('the Meilisearch adapter, without a server', () => {
  it('makes valid, distinct document keys from any type and id', () => {
    expect(meiliKey('focus_area', 'viden-og-videndeling')).toBe('focus_area--viden-og-videndeling');
    expect(meiliKey('event', '12')).toMatch(/^[a-zA-Z0-9_-]+$/);
    expect(meiliKey('resource', 'a b/c"d')).toMatch(/^[a-zA-Z0-9_-]+$/);
    expect(meiliKey('resource', 'a_b')).not.toBe(meiliKey('resource', 'a-b'));
  });

  it('quotes every filter value, so a value cannot change the expression', () => {
    expect(filterValue('x" OR type = "event')).toBe('"x\\" OR type = \\"event"');
    expect(
      meiliFilter({ readers: ['public', 'role:staff'], type: 'event', focusArea: 'kvinder', tag: 'a"b' }),
    ).toEqual([
      'readers IN ["public", "role:staff"]',
      'type = "event"',
      'focusAreas = "kvinder"',
      'tags = "a\\"b"',
    ]);
  });

  it('stores a folded copy for ae/oe/aa, and the reader keys as a filterable attribute', () => {
    const doc = toMeiliDocument(
      {
        type: 'focus_area',
        id: 'boern',
        title: 'Børn og ældre på Århus',
        summary: '',
        body: 'x',
        url: '/x',
        focusAreas: [],
        tags: [],
        readers: ['public'],
        updatedAt: new Date(0),
      },
      new Date(5),
    );
    expect(doc.folded).toBe('boern og aeldre paa aarhus ');
    expect(doc.indexedAt).toBe(5);
    expect(meiliSettings.filterableAttributes).toEqual(
      expect.arrayContaining(['readers', 'indexedAt', 'type']),
    );
  });
});
