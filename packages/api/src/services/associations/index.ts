export * from './activities.ts';
export * from './manage.ts';
export * from './members.ts';
