/**
 * Associations and volunteers (issue 10): the new lists against bare node:http, the method of
 * read.bench.ts and events.bench.ts (bench/against-bare.ts):
 *
 *   pnpm bench -- associations                              # PGlite
 *   DATABASE_URL=postgres://… pnpm bench -- associations    # PostgreSQL
 *
 * 100 verified associations (registered and verified through the API), then
 * `GET /api/associations`, `/foreninger` (anonymous), and the staff's `GET /api/volunteers` and
 * `/frivillige` (signed in as the demo staff member; the demo accounts' volunteer profiles).
 */
import {
  bareRpsOf,
  connections,
  kind,
  load,
  type Measurement,
  machine,
  maxP99Ms,
  measure,
  report,
  seconds,
  signIn,
  startServers,
  targets,
  warmupSeconds,
} from './against-bare.ts';

console.log(machine());
console.log(`load average (1, 5, 15 min) at the start: ${load()}`);

const { base, bareUrl, stop } = await startServers();
const staff = await signIn(base, 'medarbejder@brobygger.test');
const json = (token: string) => ({
  'content-type': 'application/json',
  authorization: `Bearer ${token}`,
});

// Every demo account a volunteer profile with consent (Tigrinya and Arabic among them).
const languages = ['ti', 'ar', 'prs', 'so', 'uk', 'fa', 'ku'];
const demo = [
  'frivillig@brobygger.test',
  'forening@brobygger.test',
  'tovholder@brobygger.test',
  'sundhed@brobygger.test',
  'styregruppe@brobygger.test',
  'medarbejder@brobygger.test',
];
for (const [i, email] of demo.entries()) {
  const { token } = await signIn(base, email);
  const res = await fetch(`${base}/api/volunteers/me`, {
    method: 'PUT',
    headers: json(token),
    body: JSON.stringify({
      skills: ['interpreting', 'homework-help'],
      languages: [
        { language: languages[i % languages.length], level: 'native' },
        { language: 'da', level: 'good' },
      ],
      availability: ['tue-evening', 'sat-morning'],
      interests: ['viden-og-videndeling'],
      presentation: 'Bench',
      consent: true,
    }),
  });
  if (res.status !== 200) throw new Error(`profile answered ${res.status}: ${await res.text()}`);
}

// 100 verified associations.
const { token: owner } = await signIn(base, 'frivillig@brobygger.test');
const listed = (await (await fetch(`${base}/api/associations`)).json()) as { total: number };
for (let i = listed.total; i < 100; i++) {
  const res = await fetch(`${base}/api/associations`, {
    method: 'POST',
    headers: json(owner),
    body: JSON.stringify({
      name: `Forening nr. ${i + 1}`,
      description: 'Vi mødes hver tirsdag og spiller fodbold, laver mad og taler dansk sammen.',
      languages: ['da', 'ar', 'ti'],
      focusAreas: ['viden-og-videndeling'],
      website: 'https://example.dk',
    }),
  });
  if (res.status !== 201) throw new Error(`registering ${i} answered ${res.status}: ${await res.text()}`);
  const { association } = (await res.json()) as { association: { slug: string } };
  const verified = await fetch(`${base}/api/associations/${association.slug}/verify`, {
    method: 'POST',
    headers: { authorization: `Bearer ${staff.token}` },
  });
  if (verified.status !== 200) throw new Error(`verifying answered ${verified.status}`);
}
const total = ((await (await fetch(`${base}/api/associations`)).json()) as { total: number }).total;
if (total < 100) throw new Error(`only ${total} verified associations`);

const signedIn = { cookie: staff.cookie };
const results: Measurement[] = [
  await measure('bare node:http (before)', bareUrl, 'bare'),
  await measure('GET /api/associations', `${base}/api/associations`, 'api'),
  await measure('GET /foreninger', `${base}/foreninger`, 'page'),
  await measure(
    'GET /api/volunteers?language=ti (staff)',
    `${base}/api/volunteers?language=ti`,
    'api',
    signedIn,
  ),
  await measure('GET /frivillige?language=ti (staff)', `${base}/frivillige?language=ti`, 'page', signedIn),
  await measure('bare node:http (after)', bareUrl, 'bare'),
];
console.log(
  `\nthe lists on ${kind}, ${total} verified associations, ${demo.length} volunteer profiles; ${connections} connections, ${seconds} s per path after ${warmupSeconds} s warm-up; bare = ${Math.round(bareRpsOf(results))} req/s`,
);
console.log(
  `targets: API >= ${targets.api}, page >= ${targets.page} of bare; p99 < ${maxP99Ms} ms; 0 errors\n`,
);
const failed = report(results);
console.log(`load average (1, 5, 15 min) at the end: ${load()}`);
await stop();
process.exit(failed ? 1 : 0);
