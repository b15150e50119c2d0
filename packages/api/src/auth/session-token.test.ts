// The front door's reading of the session cookie must be the chain's (Hono's parser), or a caller
// could be answered from memory as someone the chain would not see.
import { parse } from 'hono/utils/cookie';
import { describe, expect, it } from 'vitest';
import { sessionCookieName, sessionTokenOf } from './cookies.ts';

describe('sessionTokenOf', () => {
  const name = sessionCookieName(false);
  const headers = [
    `${name}=abc234xyz`,
    `lng=en; ${name}=abc234xyz`,
    `lng=en;${name}=abc234xyz;theme=dark`,
    ` \t${name} \t= \tabc234xyz\t ; lng=da`,
    `${name}="abc234xyz"`,
    `${name}=abc%32xyz`,
    `${name}=abc234xyz; ${name}=other`,
    `${name}=bad value; ${name}=second`,
    `${name}=; ${name}=second`,
    `\u00a0${name}=abc234xyz`,
    `x${name}=abc234xyz`,
    `${name}x=abc234xyz; ${name}=real`,
    `${name}`,
    `${name}=abc=def`,
    'lng=en',
    '',
  ];
  it.each(headers)('reads %j as Hono does', (header) => {
    expect(sessionTokenOf(header, false)).toBe(header ? parse(header, name)[name] : undefined);
  });

  it('reads the production cookie name in production', () => {
    const production = sessionCookieName(true);
    expect(production).not.toBe(name);
    expect(sessionTokenOf(`${production}=abc`, true)).toBe('abc');
    expect(sessionTokenOf(`${name}=abc`, true)).toBeUndefined();
  });
});
