import { describe, expect, it } from 'vitest';
import { safeLocalPath } from './safe-path';

describe('safeLocalPath', () => {
  it.each([
    ['/', '/'],
    ['/fokusomraader/kvinder', '/fokusomraader/kvinder'],
    ['/fokusomraader?x=1#top', '/fokusomraader?x=1#top'],
    ['/admin/brugere?q=anna&side=2', '/admin/brugere?q=anna&side=2'],
    // Normalised, and still on this site.
    ['/a/./b/../c', '/a/c'],
    ['/../min-side', '/min-side'],
    ['/fokusomraader/%C3%A6bler', '/fokusomraader/%C3%A6bler'],
    ['/søg?q=æ', '/s%C3%B8g?q=%C3%A6'],
    ['/min-side?next=//evil.example', '/min-side?next=//evil.example'],
    ['/admin/brugere?q=a%0Ab', '/admin/brugere?q=a%0Ab'],
  ])('keeps the local path %j as %j', (value, expected) => {
    expect(safeLocalPath(value, '/fallback')).toBe(expected);
  });

  it.each([
    null,
    undefined,
    '',
    ' /min-side',
    'min-side',
    'fokusomraader',
    'javascript:alert(1)',
    'https://evil.example/',
    'http:/evil.example',
    '//evil.example/',
    '///evil.example/',
    '/\\evil.example/',
    '\\\\evil.example',
    '\\/evil.example',
    // Dot segments that normalise to a protocol-relative URL.
    '/.//evil.example',
    '/./\\evil.example',
    '/..//evil.example/x',
    '/a/../..//evil.example',
    '/.\\/evil.example',
    '/.\\\\evil.example',
    // Tabs, newlines and other control characters, which the URL parser drops.
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/.\t//evil.example',
    '/\u0000/evil.example',
    // Encoded slashes and backslashes.
    '/%2F%2Fevil.example',
    '/%2fevil.example',
    '/%5Cevil.example',
    '/%5cevil.example',
    '/.%2F%2Fevil.example',
    '/%09/evil.example',
    '/%E0%A4%A', // malformed percent-encoding
  ])('falls back for %j', (value) => {
    expect(safeLocalPath(value, '/fallback')).toBe('/fallback');
  });
});
