/**
 * `pnpm bench` runs every benchmark; `pnpm bench -- read` (or `lighthouse`, `login`, `password-reset`, `jobs`, `steering`) runs one.
 * `pnpm bench` runs every benchmark; `pnpm bench -- read` (or `lighthouse`, `login`, `password-reset`, `jobs`, `events`) runs one.
 * Each runs in its own process, one after the other; the exit code is non-zero if any failed.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benches = {
  read: 'read.bench.ts',
  lighthouse: 'lighthouse.bench.ts',
  login: 'login.bench.ts',
  'password-reset': 'password-reset.bench.ts',
  jobs: 'jobs.bench.ts',
  steering: 'steering.bench.ts',
  events: 'events.bench.ts',
  // Associations and volunteers (issue 10)
  associations: 'associations.bench.ts',
  // Search (issue 12)
  search: 'search.bench.ts',
  'search-api': 'search-api.bench.ts',
  // Knowledge (issue 11)
  knowledge: 'knowledge.bench.ts',
} as const;
const asked = process.argv.slice(2).filter((arg) => arg !== '--');
const unknown = asked.filter((name) => !(name in benches));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Known: ${Object.keys(benches).join(', ')}`);
  process.exit(2);
}
const names = (asked.length > 0 ? asked : Object.keys(benches)) as (keyof typeof benches)[];
let failed = false;
for (const name of names) {
  console.log(`\n## ${name}\n`);
  const file = join(dirname(fileURLToPath(import.meta.url)), benches[name]);
  const run = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
