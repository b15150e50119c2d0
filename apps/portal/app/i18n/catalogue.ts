import type { da } from './da';

export type MessageKey = keyof typeof da;
/** Every language translates exactly the Danish keys. */
export type Catalogue = Record<MessageKey, string>;
