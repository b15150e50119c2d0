export * from './attachments.ts';
export * from './resources.ts';
