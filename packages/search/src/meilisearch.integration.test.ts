import { randomBytes } from 'node:crypto';
import { describe, it } from 'vitest';
import { searchContract } from './contract.ts';
import { MeiliSearchEngine } from './meilisearch.ts';

// The same contract as PostgreSQL, against a real Meilisearch when MEILI_URL is set. No
// Meilisearch server can be installed on the development machines of this project, so without
// MEILI_URL the run says plainly that it was skipped (README, "Search").
const url = process.env.MEILI_URL;

if (url) {
  searchContract(
    'Meilisearch adapter',
    async () => {
      const engine = new MeiliSearchEngine({
        host: url,
        apiKey: process.env.MEILI_MASTER_KEY,
        indexUid: `test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`,
      });
      return { engine, close: () => engine.dropIndex() };
    },
    {
      unsupported: [
        'a word finds compounds containing it',
        'the last part of a compound',
        'two words typed as one',
      ],
    },
  );
} else {
  describe('search contract: Meilisearch adapter', () => {
    it.skip('SKIPPED: MEILI_URL is not set, so no Meilisearch server to run the contract against', () => {});
  });
}
