import type { Catalogue } from './catalogue';
import { da } from './da';
import { en } from './en';
import { type Language, registerCatalogue } from './index';

/** Every language's messages, loaded for `createTranslator`: the server's side of ./index. */
export const catalogues: Record<Language, Catalogue> = { da, en };

for (const [language, catalogue] of Object.entries(catalogues)) {
  registerCatalogue(language as Language, catalogue);
}
