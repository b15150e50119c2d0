import { describe, expect, it } from 'vitest';
import { describeUserAgent, plainIp } from './device.server';

const chromeOnLinux =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const firefoxOnWindows = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const safariOnIphone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

describe('describeUserAgent', () => {
  it.each([
    [chromeOnLinux, { browser: 'Chrome', os: 'Linux' }],
    [firefoxOnWindows, { browser: 'Firefox', os: 'Windows' }],
    [safariOnIphone, { browser: 'Safari', os: 'iOS' }],
  ])('names the browser and system of %s', (userAgent, expected) => {
    expect(describeUserAgent(userAgent)).toEqual(expected);
  });

  it('gives up on nothing or nonsense', () => {
    expect(describeUserAgent(null)).toBeNull();
    expect(describeUserAgent('')).toBeNull();
    expect(describeUserAgent('   ')).toBeNull();
  });
});

describe('plainIp', () => {
  it.each([
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['::FFFF:192.0.2.10', '192.0.2.10'],
    ['203.0.113.5', '203.0.113.5'],
    ['2001:db8::1', '2001:db8::1'],
    ['::1', '::1'],
  ])('shows %s as %s', (ip, expected) => {
    expect(plainIp(ip)).toBe(expected);
  });

  it('keeps an unknown address unknown', () => {
    expect(plainIp(null)).toBeNull();
  });
});
