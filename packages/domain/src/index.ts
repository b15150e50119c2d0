export * from './errors.ts';
export * from './policy.ts';
export * from './reporting-period.ts';
export * from './slugify.ts';
