// The accounts feature's use cases: what the routes in routes/auth, routes/me and routes/admin
// (and the operator CLI) call. Each owns its transaction, audit entries and mail.
export * from './administration.ts';
export { lastAdminMessage } from './last-admin.ts';
export * from './my-account.ts';
export * from './operator.ts';
export * from './passwords.ts';
export * from './registration.ts';
export * from './sign-in.ts';
export * from './two-factor.ts';
