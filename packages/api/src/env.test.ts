import { describe, expect, it } from 'vitest';
import { demoAccountsEnabled, parseEnv } from './env.ts';

describe('DEMO_ACCOUNTS', () => {
  it('is on by default outside production and off in production', () => {
    expect(demoAccountsEnabled(parseEnv({}))).toBe(true);
    expect(demoAccountsEnabled(parseEnv({ NODE_ENV: 'development' }))).toBe(true);
    expect(demoAccountsEnabled(parseEnv({ NODE_ENV: 'production' }))).toBe(false);
    expect(demoAccountsEnabled(parseEnv({ NODE_ENV: 'production', DEMO_ACCOUNTS: '' }))).toBe(false);
  });

  it('can be turned off anywhere, and on outside production', () => {
    expect(demoAccountsEnabled(parseEnv({ DEMO_ACCOUNTS: 'false' }))).toBe(false);
    expect(demoAccountsEnabled(parseEnv({ DEMO_ACCOUNTS: '0' }))).toBe(false);
    expect(demoAccountsEnabled(parseEnv({ NODE_ENV: 'test', DEMO_ACCOUNTS: 'true' }))).toBe(true);
    expect(demoAccountsEnabled(parseEnv({ NODE_ENV: 'production', DEMO_ACCOUNTS: 'false' }))).toBe(false);
  });

  it('refuses demo accounts (a public password) in production, and values it does not know', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', DEMO_ACCOUNTS: 'true' })).toThrow(/DEMO_ACCOUNTS/);
    expect(() => parseEnv({ DEMO_ACCOUNTS: 'yes please' })).toThrow(/DEMO_ACCOUNTS/);
  });
});
