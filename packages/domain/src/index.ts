export * from './accounts.ts';
export * from './errors.ts';
export * from './permissions.ts';
export * from './policy.ts';
export * from './reporting-period.ts';
export * from './roles.ts';
export * from './slugify.ts';
export * from './recurrence.ts';
