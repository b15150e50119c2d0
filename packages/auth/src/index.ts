export * from './demo-accounts.ts';
export * from './link-tokens.ts';
export * from './password.ts';
export { hashSecret, newToken, randomBase32, secretMatches, splitToken } from './secrets.ts';
export * from './sessions.ts';
export * from './throttle.ts';
export * from './totp.ts';
