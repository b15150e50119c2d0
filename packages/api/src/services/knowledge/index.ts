export * from './attachments.ts';
export * from './forum.ts';
export * from './resources.ts';
