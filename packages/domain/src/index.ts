export * from './accounts.ts';
// Associations and volunteers (issue 10)
export * from './associations.ts';
export * from './check-in.ts';
export * from './errors.ts';
export * from './events.ts';
// Knowledge: resource library and forum (issue 11)
export * from './knowledge.ts';
export * from './permissions.ts';
export * from './policy.ts';
export * from './recurrence.ts';
export * from './reporting-period.ts';
export * from './roles.ts';
// Search (issue 12)
export * from './search.ts';
export * from './slugify.ts';
export * from './status-report.ts';
export * from './volunteers.ts';
