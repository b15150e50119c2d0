import { describe, expect, it } from 'vitest';
import { loginUrl, safeRedirectTo } from './redirect-to';

describe('safeRedirectTo', () => {
  it('keeps paths on this site', () => {
    expect(safeRedirectTo('/admin/brugere')).toBe('/admin/brugere');
    expect(safeRedirectTo('/admin/brugere?q=anna&side=2')).toBe('/admin/brugere?q=anna&side=2');
    expect(safeRedirectTo('/min-side#sessioner')).toBe('/min-side#sessioner');
  });

  it('falls back to /min-side for anything else', () => {
    for (const value of [
      null,
      undefined,
      '',
      'min-side',
      'https://evil.example/',
      '//evil.example/',
      '/\\evil.example/',
      '\\\\evil.example',
      '/\t/evil.example',
      'javascript:alert(1)',
      ' /min-side',
      '/log-ind',
      '/log-ind?redirectTo=%2Flog-ind',
    ]) {
      expect(safeRedirectTo(value), String(value)).toBe('/min-side');
    }
  });
});

describe('loginUrl', () => {
  it('sends the visitor to /log-ind with the page to come back to', () => {
    expect(loginUrl(new Request('http://localhost/admin/brugere?q=a'))).toBe(
      '/log-ind?redirectTo=%2Fadmin%2Fbrugere%3Fq%3Da',
    );
  });
});
