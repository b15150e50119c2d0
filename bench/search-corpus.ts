/**
 * A generated corpus of realistic Danish documents for the search benchmark (issue 12): the
 * vocabulary of the integration field — nouns in singular, plural and definite forms, compounds
 * built from them (with and without a linking s or e), verbs, adjectives and the function words of
 * running Danish text — put together into titles, summaries and bodies. Deterministic (a seeded
 * PRNG), so every run searches the same text.
 */
import type { SearchDocument, SearchDocumentType } from '@brobygger/search';

/** Nouns: [singular, plural, definite, definite plural]. */
const nouns: [string, string, string, string][] = [
  ['borger', 'borgere', 'borgeren', 'borgerne'],
  ['familie', 'familier', 'familien', 'familierne'],
  ['barn', 'børn', 'barnet', 'børnene'],
  ['forælder', 'forældre', 'forælderen', 'forældrene'],
  ['frivillig', 'frivillige', 'den frivillige', 'de frivillige'],
  ['forening', 'foreninger', 'foreningen', 'foreningerne'],
  ['skole', 'skoler', 'skolen', 'skolerne'],
  ['bolig', 'boliger', 'boligen', 'boligerne'],
  ['sprog', 'sprog', 'sproget', 'sprogene'],
  ['møde', 'møder', 'mødet', 'møderne'],
  ['kursus', 'kurser', 'kurset', 'kurserne'],
  ['tolk', 'tolke', 'tolken', 'tolkene'],
  ['job', 'job', 'jobbet', 'jobbene'],
  ['virksomhed', 'virksomheder', 'virksomheden', 'virksomhederne'],
  ['kommune', 'kommuner', 'kommunen', 'kommunerne'],
  ['flygtning', 'flygtninge', 'flygtningen', 'flygtningene'],
  ['kvinde', 'kvinder', 'kvinden', 'kvinderne'],
  ['mand', 'mænd', 'manden', 'mændene'],
  ['ung', 'unge', 'den unge', 'de unge'],
  ['ældre', 'ældre', 'den ældre', 'de ældre'],
  ['sundhed', 'sundhed', 'sundheden', 'sundheden'],
  ['trivsel', 'trivsel', 'trivslen', 'trivslen'],
  ['uddannelse', 'uddannelser', 'uddannelsen', 'uddannelserne'],
  ['praktik', 'praktikker', 'praktikken', 'praktikkerne'],
  ['netværk', 'netværk', 'netværket', 'netværkene'],
  ['aktivitet', 'aktiviteter', 'aktiviteten', 'aktiviteterne'],
  ['fællesskab', 'fællesskaber', 'fællesskabet', 'fællesskaberne'],
  ['medarbejder', 'medarbejdere', 'medarbejderen', 'medarbejderne'],
  ['vejleder', 'vejledere', 'vejlederen', 'vejlederne'],
  ['læge', 'læger', 'lægen', 'lægerne'],
  ['ansøgning', 'ansøgninger', 'ansøgningen', 'ansøgningerne'],
  ['samtale', 'samtaler', 'samtalen', 'samtalerne'],
  ['område', 'områder', 'området', 'områderne'],
  ['indsats', 'indsatser', 'indsatsen', 'indsatserne'],
  ['tilbud', 'tilbud', 'tilbuddet', 'tilbuddene'],
  ['café', 'caféer', 'caféen', 'caféerne'],
  ['lektie', 'lektier', 'lektien', 'lektierne'],
  ['køkken', 'køkkener', 'køkkenet', 'køkkenerne'],
  ['hjælp', 'hjælp', 'hjælpen', 'hjælpen'],
  ['økonomi', 'økonomier', 'økonomien', 'økonomierne'],
];

/** Compound parts: [first part (with its linking letter), last part]. */
const heads = [
  'sprog', 'sundheds', 'bolig', 'frivillig', 'forenings', 'skole', 'familie', 'beskæftigelses',
  'integrations', 'lektie', 'kultur', 'fritids', 'børne', 'ungdoms', 'arbejds', 'kvinde', 'mødre',
  'ældre', 'borger', 'nabo', 'social', 'tolke', 'dialog', 'inspirations', 'koordinerings',
  'idræts', 'musik', 'have', 'cykel', 'svømme', 'madlavnings', 'computer', 'it', 'regnskabs', 'budget',
  'kørekort', 'trafik', 'natur', 'skov', 'strand', 'bibliotek', 'lege', 'sy', 'strikke', 'syng',
  'teater', 'film', 'foto', 'værksteds', 'køkken', 'sommer', 'vinter', 'weekend', 'aften', 'morgen',
  'pige', 'drenge', 'far', 'mor', 'bedste', 'senior', 'handicap', 'psykiatri', 'misbrugs', 'gælds',
  'skatte', 'pensions', 'bank', 'post', 'læge', 'tandlæge', 'apoteks', 'hospitals', 'jobcenter', 'ydelses',
]; // biome-ignore format: a list
const tails = [
  'undervisning', 'café', 'samtale', 'møde', 'forløb', 'netværk', 'tilbud', 'rådgivning',
  'vejledning', 'område', 'gruppe', 'center', 'plan', 'projekt', 'indsats', 'kursus', 'hjælp',
  'aktivitet', 'forening', 'praktik', 'mentor', 'klub', 'værksted', 'spisning', 'tur',
  'hold', 'aften', 'dag', 'uge', 'weekend', 'fest', 'marked', 'bod', 'stue', 'hus', 'have', 'bil',
  'cykel', 'skema', 'ansøgning', 'brev', 'samtaler', 'test', 'prøve', 'eksamen', 'bevis', 'pas', 'kort',
  'konto', 'regning', 'budget', 'ordning', 'ydelse', 'støtte', 'tilskud', 'pulje', 'fond', 'ven',
  'makker', 'guide', 'lærer', 'træner', 'leder', 'koordinator', 'konsulent', 'pædagog', 'sygeplejerske',
]; // biome-ignore format: a list
const verbs = [
  'hjælper', 'mødes', 'lærer', 'tilbyder', 'styrker', 'støtter', 'samarbejder', 'deltager',
  'inviterer', 'arrangerer', 'planlægger', 'vejleder', 'underviser', 'finder', 'bygger', 'skaber',
  'øver', 'taler', 'lytter', 'søger',
]; // biome-ignore format: a list
const adjectives = [
  'nye', 'lokale', 'frivillige', 'gode', 'små', 'store', 'åbne', 'gratis', 'trygge', 'fælles',
  'sunde', 'unge', 'ældre', 'danske', 'forskellige', 'aktive', 'praktiske', 'personlige',
]; // biome-ignore format: a list
const places = [
  'Skanderborg', 'Ry', 'Hørning', 'Galten', 'Stilling', 'Hylke', 'Låsby', 'Fårvang', 'Gammel Rye',
  'Virklund', 'Skovby', 'Veng', 'Herskind', 'Alken', 'Ejer Bavnehøj',
]; // biome-ignore format: a list
const fillers = [
  'og', 'i', 'på', 'med', 'for', 'til', 'om', 'af', 'der', 'som', 'hvor', 'når', 'også', 'gerne',
  'hver', 'alle', 'vores', 'jeres', 'sammen', 'især',
]; // biome-ignore format: a list

export const focusAreaSlugs = [
  'viden-og-videndeling',
  'sundhed-og-trivsel',
  'integrationsforstaaelse-og-kulturforskelle',
  'kvinder',
  'unge-maend',
  'familier-med-komplekse-problemstillinger',
];
export const corpusTags = [
  'sprog', 'bolig', 'job', 'sundhed', 'børn', 'frivillighed', 'fællesskab', 'uddannelse', 'tolk',
  'økonomi', 'kultur', 'idræt',
]; // biome-ignore format: a list

/** mulberry32: a small deterministic PRNG. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function corpus(size: number, seed = 12): SearchDocument[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  // Content words follow Zipf's law, as in real text: a few are common, most are rare.
  const zipf = <T>(list: readonly T[]): T => {
    const u = random();
    const index = Math.floor(list.length ** u) - 1;
    return list[Math.min(list.length - 1, Math.max(0, index))] as T;
  };
  const compound = () => {
    const tail = zipf(tails);
    const head = zipf(heads);
    const word = `${head}${tail}`;
    const form = random();
    if (form < 0.5) return word;
    if (tail.endsWith('e')) return form < 0.75 ? `${word}r` : `${word}n`;
    return form < 0.75 ? `${word}er` : `${word}en`;
  };
  const noun = () => {
    const [one, many, the, theMany] = pick(nouns);
    return pick([one, many, the, theMany, many]);
  };
  // A sentence: mostly compounds (thousands of them, Zipf-distributed, as in real Danish text),
  // now and then one of the everyday nouns (uniform, so none is in every document).
  const sentence = () => {
    const content = () => (random() < 0.25 ? noun() : compound());
    const words = [
      random() < 0.5 ? pick(adjectives) : pick(['Vi', 'De', 'Her', 'Alle', 'Nu']),
      content(),
      pick(verbs),
      pick(fillers),
      random() < 0.5 ? pick(places) : content(),
    ];
    if (random() < 0.4) words.push(pick(fillers), content());
    const text = words.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const types: SearchDocumentType[] = [
    'resource',
    'resource',
    'thread',
    'post',
    'post',
    'post',
    'event',
    'association',
    'initiative',
  ];
  const docs: SearchDocument[] = [];
  for (let i = 0; i < size; i++) {
    const type = pick(types);
    const titleWords = [random() < 0.8 ? compound() : noun(), pick(fillers), pick(places)];
    if (random() < 0.5) titleWords.unshift(pick(adjectives));
    const title = titleWords.join(' ');
    const sentences = 3 + Math.floor(random() * 10);
    const body = Array.from({ length: sentences }, sentence).join(' ');
    const reader = random();
    docs.push({
      type,
      id: `bench-${i}`,
      title: `${title.charAt(0).toUpperCase()}${title.slice(1)}`,
      summary: sentence(),
      body,
      url: `/bench/${type}/${i}`,
      focusAreas: random() < 0.7 ? [pick(focusAreaSlugs)] : [],
      tags: random() < 0.8 ? [pick(corpusTags)] : [],
      readers:
        reader < 0.8
          ? ['public']
          : reader < 0.9
            ? ['role:staff']
            : [`association:${1 + Math.floor(random() * 50)}`],
      updatedAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 300) * 86_400_000),
    });
  }
  return docs;
}

/** The 50 fixed queries of the latency measurement, by kind. */
export const benchQueries: {
  kind: string;
  q: string;
  type?: SearchDocumentType;
  focusArea?: string;
  tag?: string;
}[] = [
  // plain words (inflected forms too)
  ...[
    'frivillige',
    'foreningen',
    'børnene',
    'boliger',
    'samtale',
    'kurser',
    'tolk',
    'familier',
    'skolen',
    'fællesskab',
  ].map((q) => ({ kind: 'plain', q })),
  // compounds, and words inside compounds
  ...[
    'sprogcafé',
    'lektiehjælp',
    'undervisning',
    'rådgivning',
    'sundhedssamtale',
    'boligområdet',
    'netværk',
    'mentor',
    'fritidsklub',
    'familievejledning',
  ].map((q) => ({ kind: 'compound', q })),
  // one or two typos
  ...[
    'frivilige',
    'foreninegn',
    'undervisnig',
    'vejeldning',
    'sundhedssamtalle',
    'fælesskab',
    'praktikk',
    'aktivitetr',
    'indsatsen',
    'rådgivnig',
  ].map((q) => ({ kind: 'typo', q })),
  // æ, ø and å typed without them
  ...[
    'boern',
    'born',
    'aeldre',
    'faellesskab',
    'oekonomi',
    'laege',
    'koekken',
    'raadgivning',
    'omraadet',
    'haandbog',
  ].map((q) => ({ kind: 'no-æøå', q })),
  // with filters, and multi-word
  { kind: 'filter', q: 'frivillige', type: 'event' },
  { kind: 'filter', q: 'sprog', focusArea: 'kvinder' },
  { kind: 'filter', q: 'bolig', tag: 'bolig' },
  { kind: 'filter', q: 'møde', type: 'thread', focusArea: 'sundhed-og-trivsel' },
  { kind: 'filter', q: 'børn', tag: 'børn', type: 'resource' },
  { kind: 'filter', q: 'sprog cafe' },
  { kind: 'filter', q: 'frivillige hjælper familier' },
  { kind: 'filter', q: 'lektiecafe skanderborg' },
  { kind: 'filter', q: 'unge mænd job', focusArea: 'unge-maend' },
  { kind: 'filter', q: 'tolkebistand til læge', type: 'resource' },
];

/**
 * Danish test queries with the answers expected from the seeded policy and the demo events: what
 * a person might type, and the document they are looking for. (The answer is a title, since ids
 * depend on the database.)
 */
export const recallQueries: { q: string; expect: string; why: string }[] = [
  { q: 'sundhedssamtaler', expect: 'Sundhedssamtaler', why: 'exact title' },
  { q: 'sundhedssamtale', expect: 'Sundhedssamtaler', why: 'singular' },
  { q: 'samtaler om sundhed', expect: 'Sundhedssamtaler', why: 'compound parts' },
  { q: 'rygestop', expect: 'Rygestopforløb', why: 'first part of a compound' },
  { q: 'forløb rygning', expect: 'Rygestopforløb', why: 'last part of a compound' },
  { q: 'sundhedstjenesten', expect: 'Tilbud via sundhedstjenesten', why: 'definite form' },
  { q: 'sundhedstjeneste', expect: 'Tilbud via sundhedstjenesten', why: 'indefinite form' },
  {
    q: 'aeldreomraadet',
    expect: 'Opsøgende og forebyggende indsatser på ældre- og handicapområdet',
    why: 'ae/aa, split',
  },
  {
    q: 'handicapomradet',
    expect: 'Opsøgende og forebyggende indsatser på ældre- og handicapområdet',
    why: 'bare vowel',
  },
  {
    q: 'frivilige',
    expect: 'Frivilligkoordineringsmøder v. flygtningefrivillige',
    why: 'typo in a compound part',
  },
  {
    q: 'koordineringsmøder',
    expect: 'Frivilligkoordineringsmøder v. flygtningefrivillige',
    why: 'compound part',
  },
  { q: 'dialogmode', expect: 'Dialogmøde med alle flygtningefrivillige', why: 'bare vowel' },
  { q: 'inspirationsmoeder', expect: 'Inspirationsmøder', why: 'oe for ø' },
  { q: 'sprogcafe', expect: 'Inspirationsmøde: Sprogcafé i praksis', why: 'accent dropped' },
  { q: 'sprog café', expect: 'Inspirationsmøde: Sprogcafé i praksis', why: 'compound split' },
  { q: 'brætspil', expect: 'Fællesspisning og brætspil', why: 'plain word' },
  { q: 'faellesspisning', expect: 'Fællesspisning og brætspil', why: 'ae for æ' },
  { q: 'fælles spisning', expect: 'Fællesspisning og brætspil', why: 'compound split' },
  { q: 'koordineringsmøde frivillige', expect: 'Koordineringsmøde for frivillige', why: 'two words' },
  { q: 'bydelsmodre', expect: 'Bydelsmødre', why: 'bare vowel' },
  { q: 'bydelsmor', expect: 'Bydelsmødre', why: 'singular of an irregular plural (hard)' },
  {
    q: 'fritidspas',
    expect: 'Fritidspas, der understøtter børns tilknytning til fritidstilbud',
    why: 'plain word',
  },
  {
    q: 'fritidstilbud boern',
    expect: 'Fritidspas, der understøtter børns tilknytning til fritidstilbud',
    why: 'oe for ø',
  },
  { q: 'turboforlob', expect: 'Turboforløb', why: 'bare vowel' },
  { q: 'radikalisering', expect: 'SSP tiltag i forhold til at undgå radikalisering', why: 'plain word' },
  {
    q: 'radikaliseirng',
    expect: 'SSP tiltag i forhold til at undgå radikalisering',
    why: 'transposed letters',
  },
  { q: 'sundhedsplejerske', expect: 'Projekt "Sundhedsplejersker styrker integration"', why: 'singular' },
  {
    q: 'PTSD behandling',
    expect: 'PTSD-behandlingstilbud både til unge og voksne',
    why: 'hyphenated compound',
  },
  { q: 'familiehus', expect: 'Familiehuset', why: 'indefinite form' },
  { q: 'rengøring', expect: 'Rengøringsforløb til mænd og kvinder', why: 'first part of a compound' },
  { q: 'rengoringsforlob', expect: 'Rengøringsforløb til mænd og kvinder', why: 'bare vowels' },
  { q: 'kulturforskelle', expect: 'Integrationsforståelse og kulturforskelle', why: 'plain word' },
  { q: 'integrationsforstaaelse', expect: 'Integrationsforståelse og kulturforskelle', why: 'aa for å' },
  { q: 'unge maend', expect: 'Unge mænd', why: 'ae for æ' },
  { q: 'videndeling', expect: 'Viden og videndeling', why: 'plain word' },
  { q: 'trivsel', expect: 'Sundhed og trivsel', why: 'plain word' },
  { q: 'komplekse problemstillinger', expect: 'Familier med komplekse problemstillinger', why: 'two words' },
  { q: 'problemstilling', expect: 'Familier med komplekse problemstillinger', why: 'singular' },
  { q: 'kvinder', expect: 'Kvinder', why: 'plain word' },
  {
    q: 'flygtningebaggrund',
    expect: 'Dialogmøde med frivillige med flygtningebaggrund',
    why: 'compound in the title',
  },
];
