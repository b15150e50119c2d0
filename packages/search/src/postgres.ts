import type { Database } from '@brobygger/db';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { SearchDocument } from './document.ts';
import {
  defaultPageSize,
  emptyResult,
  maxCountedHits,
  maxPageSize,
  type SearchEngine,
  type SearchHit,
  type SearchQuery,
  type SearchRef,
  type SearchResult,
} from './port.ts';
import {
  cleanText,
  editDistance,
  markEnd,
  markSnippet,
  markStart,
  shortPassage,
  tokenize,
  typoBudget,
} from './text.ts';

/** The body is cut here before it becomes a tsvector (which may hold at most 1 MB). */
const maxIndexedBody = 100_000;
/** Lexemes a query word may expand to, per kind. */
const maxCompoundExpansions = 16;
const maxTypoCandidates = 200;
const maxTypoExpansions = 8;
const upsertBatch = 200;

/** æ → ae, ø → oe, å → aa, then unaccent: the folded form of a lexeme (as `fold()` in text.ts). */
const foldSql = (value: RawBuilder<unknown> | ReturnType<typeof sql.ref>) =>
  sql`unaccent(replace(replace(replace(lower(${value}), 'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'))`;
/** æ → a, ø → o, å → a, then unaccent: the bare-vowel form. */
const bareSql = (value: RawBuilder<unknown> | ReturnType<typeof sql.ref>) =>
  sql`unaccent(translate(lower(${value}), 'æøå', 'aoa'))`;

/** A lexeme as a tsquery operand, quoted so any character in it is literal. */
function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
const anyOf = (lexemes: Iterable<string>) => {
  const list = [...new Set(lexemes)].map(quoteLexeme);
  return list.length === 1 ? (list[0] as string) : `(${list.join(' | ')})`;
};

interface Analysed {
  input: string;
  stem: string | null;
  folded: string | null;
  foldedInput: string;
}

/** A query as tsqueries of real lexemes (see `buildQuery`). */
export interface BuiltQuery {
  /** Every word, each as any of its expansions (typos, compounds, æ/ø/å, split or joined forms). */
  all: string;
  /** Any of the words as typed (folded): the strongest matches. */
  exact: string;
  /**
   * Every word by its expansions other than its exact forms, or null when a word has none: a
   * document matches `all` but not `exact` exactly when it matches this and not `exact` (each
   * word's clause is its exact forms or its other expansions). Cheaper for the GIN index than
   * `all` without `exact`, as it leaves out the exact forms' long posting lists.
   */
  expansions: string | null;
  /** One word (or one joined pair): then a match of `exact` is also a match of `all`. */
  single: boolean;
}

interface Expansion {
  /** Lexemes equal to the word (after folding), the strongest matches. */
  exact: Set<string>;
  /** Exact plus typo and compound matches. */
  all: Set<string>;
}

/**
 * The PostgreSQL adapter (ADR 0020): `search_documents` holds a weighted Danish tsvector per
 * document (GIN); `search_lexicon` holds every lexeme, folded, with a trigram index. A query word
 * is stemmed, folded and expanded through the lexicon (æ/ø/å typed as ae/oe/aa or the bare vowel,
 * typos, compounds containing it, split or joined words) into a tsquery of real lexemes.
 */
export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres';

  constructor(private readonly db: Kysely<Database>) {}

  async start(): Promise<void> {
    // The tables and indexes are created by the migration 2026-11-27T0600-search.
  }

  async upsert(documents: readonly SearchDocument[], indexedAt = new Date()): Promise<void> {
    // One statement per batch: the documents travel as one JSON array. A document given twice
    // counts once (its last version), as a second write of the same row would be refused.
    const unique = new Map<string, SearchDocument>();
    for (const doc of documents) unique.set(`${doc.type}:${doc.id}`, cleanDocument(doc));
    const all = [...unique.values()];
    for (let start = 0; start < all.length; start += upsertBatch) {
      const rows = all.slice(start, start + upsertBatch).map((doc) => ({
        type: doc.type,
        id: doc.id,
        title: doc.title,
        summary: doc.summary,
        tag_text: doc.tags.join(' '),
        body: doc.body,
        url: doc.url,
        focus_areas: doc.focusAreas,
        tags: doc.tags,
        readers: doc.readers,
        updated_at: doc.updatedAt.toISOString(),
      }));
      await sql`
        with input as (
          select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as d(
            type text, id text, title text, summary text, tag_text text, body text, url text,
            focus_areas text[], tags text[], readers text[], updated_at timestamptz)
        ),
        written as (
          insert into search_documents
            (type, id, title, summary, body, url, focus_areas, tags, readers, tsv, title_tsv, updated_at, indexed_at)
          select type, id, title, summary, body, url, focus_areas, tags, readers,
            heading_tsv || setweight(to_tsvector('danish', left(body, ${maxIndexedBody})), 'C'),
            heading_tsv, updated_at, ${indexedAt}
          from (
            select *, setweight(to_tsvector('danish', title), 'A')
              || setweight(to_tsvector('danish', summary || E'\n' || tag_text), 'B') as heading_tsv
            from input
          ) as i
          on conflict (type, id) do update set
            title = excluded.title, summary = excluded.summary, body = excluded.body, url = excluded.url,
            focus_areas = excluded.focus_areas, tags = excluded.tags, readers = excluded.readers,
            tsv = excluded.tsv, title_tsv = excluded.title_tsv, updated_at = excluded.updated_at,
            indexed_at = excluded.indexed_at
          returning tsv
        )
        insert into search_lexicon (word, folded, bare)
        select u.lexeme, ${foldSql(sql.ref('u.lexeme'))}, ${bareSql(sql.ref('u.lexeme'))}
        from (select distinct lexeme from written, unnest(written.tsv)) as u
        order by 1
        on conflict (word) do nothing
      `.execute(this.db);
    }
  }

  async remove(refs: readonly SearchRef[]): Promise<void> {
    for (const ref of refs) {
      await this.db
        .deleteFrom('search_documents')
        .where('type', '=', ref.type)
        .where('id', '=', ref.id)
        .execute();
    }
  }

  async removeIndexedBefore(before: Date): Promise<number> {
    const result = await this.db
      .deleteFrom('search_documents')
      .where('indexed_at', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Drops lexicon words that no document holds any more (after a rebuild). */
  async afterRebuild(): Promise<void> {
    await sql`
      delete from search_lexicon
      where word not in (select word from ts_stat('select tsv from search_documents'))
    `.execute(this.db);
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('search_documents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const pageSize = Math.min(Math.max(query.pageSize ?? defaultPageSize, 1), maxPageSize);
    const page = Math.max(query.page ?? 1, 1);
    const offset = (page - 1) * pageSize;
    const tsquery = await this.buildQuery(query.q);
    if (!tsquery) return emptyResult();
    const { all, exact, expansions, single } = tsquery;
    const filters = [sql`readers && ${sql.val([...query.readers])}::text[]`];
    if (query.type) filters.push(sql`type = ${query.type}`);
    if (query.focusArea) filters.push(sql`focus_areas @> ${sql.val([query.focusArea])}::text[]`);
    if (query.tag) filters.push(sql`tags @> ${sql.val([query.tag])}::text[]`);

    // The matches in four tiers, each a GIN lookup, that together hold every match once: the title,
    // summary or tags hold (0) the words as typed or (1) only their expansions (typos, compounds);
    // else the body holds (2) the words as typed or (3) only their expansions. The tiers are read in
    // order and reading stops after `maxCountedHits + 1` rows: a search never reads more documents
    // than that, however many match (ADR 0020). Only those are ranked — each by the words its tier
    // matched on, over the whole document — and counted.
    const A = sql`${all}::tsquery`;
    const E = sql`${exact}::tsquery`;
    // One word (or one joined pair): its forms as typed are among its expansions.
    const exactMatch = (vector: RawBuilder<unknown>) =>
      single ? sql`${vector} @@ ${E}` : sql`${vector} @@ ${A} and ${vector} @@ ${E}`;
    const X = sql`${expansions}::tsquery`;
    const expansionOnly = (vector: RawBuilder<unknown>) => sql`${vector} @@ ${X} and not (${vector} @@ ${E})`;
    const title = sql`title_tsv`;
    const body = sql`tsv`;
    const notInTitle = sql`not (title_tsv @@ ${A})`;
    const weights = sql`'{0.1, 0.2, 0.4, 1.0}'`;
    const rank = (vector: RawBuilder<unknown>, words: RawBuilder<unknown>) =>
      sql`ts_rank(${weights}, ${vector}, ${words}, 1)`;
    // [which rows, their score]; without expansions besides the exact forms, no expansion tiers.
    const tiers: [RawBuilder<unknown>, RawBuilder<unknown>][] = [[exactMatch(title), rank(body, E)]];
    if (expansions) tiers.push([expansionOnly(title), rank(body, A)]);
    tiers.push([sql`${exactMatch(body)} and ${notInTitle}`, rank(body, E)]);
    if (expansions) tiers.push([sql`${expansionOnly(body)} and ${notInTitle}`, rank(body, A)]);
    const candidates = sql.join(
      tiers.map(
        (
          [condition, score],
          index,
        ) => sql`(select ${sql.lit(index)} as tier, type, id, updated_at, focus_areas, tags,
          ${score} as score from search_documents where ${sql.join([condition, ...filters], sql` and `)})`,
      ),
      sql` union all `,
    );
    const options = `StartSel=${markStart}, StopSel=${markEnd}, MaxWords=28, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

    return this.db.transaction().execute(async (trx) => {
      // The GIN indexes answer which rows match without reading their tsvectors; a sequential scan
      // would read (and decompress) every document's, and the planner, trusting the limit, might
      // choose one for a word it thinks common. Parallel workers cost more to start than the
      // bounded work they would share.
      await sql`select set_config('enable_seqscan', 'off', true),
        set_config('max_parallel_workers_per_gather', '0', true)`.execute(trx);
      const rows = await sql<{
        kind: 'hit' | 'total' | 'facets';
        type: SearchHit['type'] | null;
        id: string | null;
        n: number;
        title: string | null;
        url: string | null;
        summary: string | null;
        headline: string | null;
        focus_areas: string[] | null;
        tags: string[] | null;
      }>`
        with found as materialized (
          select * from (${candidates}) as c limit ${maxCountedHits + 1}
        ),
        counted as materialized (
          select type, id, focus_areas, tags,
            row_number() over (order by tier, score desc, updated_at desc, type, id) as position
          from found
          order by position
          limit ${maxCountedHits}
        )
        select 'hit' as kind, d.type, d.id, s.position as n, d.title, d.url, d.summary,
          ts_headline('danish', left(d.summary || E'\n' || d.body, 20000), ${A}, ${options}) as headline,
          null::text[] as focus_areas, null::text[] as tags
        from counted as s join search_documents as d on d.type = s.type and d.id = s.id
        where s.position > ${offset} and s.position <= ${offset + pageSize}
        union all
        select 'total', null, null, count(*), null, null, null, null, null, null from found
        union all
        select 'facets', type, null, count(*), null, null, null, null, focus_areas, tags
        from counted group by type, focus_areas, tags
      `.execute(trx);

      const result = emptyResult();
      const shown: { position: number; hit: SearchHit }[] = [];
      const add = (counts: Record<string, number>, key: string, n: number) => {
        counts[key] = (counts[key] ?? 0) + n;
      };
      for (const row of rows.rows) {
        const n = Number(row.n);
        if (row.kind === 'total') {
          result.total = Math.min(n, maxCountedHits);
          result.totalCapped = n > maxCountedHits;
        } else if (row.kind === 'facets') {
          add(result.facets.type, row.type as string, n);
          for (const area of new Set(row.focus_areas ?? [])) add(result.facets.focusArea, area, n);
          for (const tag of new Set(row.tags ?? [])) add(result.facets.tag, tag, n);
        } else {
          const headline = row.headline ?? '';
          shown.push({
            position: n,
            hit: {
              type: row.type as SearchHit['type'],
              id: row.id as string,
              title: row.title as string,
              url: row.url as string,
              snippet: headline.includes(markStart)
                ? markSnippet(headline)
                : markSnippet(shortPassage(row.summary || headline)),
            },
          });
        }
      }
      result.hits = shown.sort((a, b) => a.position - b.position).map((s) => s.hit);
      return result;
    });
  }

  /**
   * The query as tsqueries of real lexemes (`BuiltQuery`: every expansion, the words as typed, and
   * the expansions besides the words as typed), or null when no word of it can match anything.
   */
  async buildQuery(q: string): Promise<BuiltQuery | null> {
    // The lexicon changes slowly: a query's expansion is kept for ten seconds.
    const key = tokenize(q).join(' ');
    const cached = this.#built.get(key);
    if (cached && Date.now() - cached.at < 10_000) return cached.query;
    const query = await this.#buildQuery(q);
    // Not kept when nothing matched: a word new to the index must be findable at once.
    if (!query) return query;
    this.#built.delete(key);
    this.#built.set(key, { at: Date.now(), query });
    if (this.#built.size > 1000) {
      const oldest = this.#built.keys().next().value;
      if (oldest !== undefined) this.#built.delete(oldest);
    }
    return query;
  }

  readonly #built = new Map<string, { at: number; query: BuiltQuery | null }>();

  async #buildQuery(q: string): Promise<BuiltQuery | null> {
    const tokens = tokenize(q);
    if (tokens.length === 0) return null;
    const inputs = new Set<string>(tokens);
    for (let i = 0; i + 1 < tokens.length; i++) inputs.add(`${tokens[i]}${tokens[i + 1]}`);
    const splits = new Map<string, [string, string][]>();
    for (const token of tokens) splits.set(token, splitCandidates(token));
    for (const pairs of splits.values()) for (const [a, b] of pairs) inputs.add(a).add(b);

    const analysed = await sql<{
      input: string;
      stem: string | null;
      folded: string | null;
      folded_input: string;
    }>`
      select s.input, l.lexeme as stem, ${foldSql(sql.ref('l.lexeme'))} as folded, ${foldSql(sql.ref('s.input'))} as folded_input
      from unnest(${sql.val([...inputs])}::text[]) as s(input)
      left join lateral (select lexeme from unnest(to_tsvector('danish', s.input)) limit 1) as l on true
    `.execute(this.db);
    const byInput = new Map<string, Analysed>();
    for (const row of analysed.rows) {
      byInput.set(row.input, {
        input: row.input,
        stem: row.stem,
        folded: row.folded,
        foldedInput: row.folded_input,
      });
    }
    // Stop words have no stem: they are dropped, as the documents' tsvectors dropped them.
    const words = tokens.map((t) => byInput.get(t)).filter((a): a is Analysed => Boolean(a?.folded));
    if (words.length === 0) return null;

    const expansions = await this.expand(words);
    // Joined and split forms: exact lexicon lookups of the pieces.
    const pieceForms = new Set<string>();
    for (let i = 0; i + 1 < tokens.length; i++) {
      const joined = byInput.get(`${tokens[i]}${tokens[i + 1]}`)?.folded;
      if (joined) pieceForms.add(joined);
    }
    for (const word of words) {
      if ((expansions.get(word.input)?.exact.size ?? 0) > 0) continue;
      for (const [a, b] of splits.get(word.input) ?? []) {
        const fa = byInput.get(a)?.folded;
        const fb = byInput.get(b)?.folded;
        if (fa && fb) pieceForms.add(fa).add(fb);
      }
    }
    const pieces = await this.exactLexemes([...pieceForms]);
    // A split's tail may itself be the end of a compound ("ældreområdet" → "ældre" + "…området",
    // found in "ældre- og handicapområdet"): tails after a known head may match by containment.
    const tails = new Set<string>();
    for (const word of words) {
      if ((expansions.get(word.input)?.exact.size ?? 0) > 0) continue;
      for (const [a, b] of splits.get(word.input) ?? []) {
        const fa = byInput.get(a)?.folded;
        const fb = byInput.get(b)?.folded;
        if (fa && fb && pieces.has(fa) && !pieces.has(fb) && fb.length >= 4) tails.add(fb);
      }
    }
    for (const [tail, lexemes] of await this.containing([...tails].slice(0, 6))) pieces.set(tail, lexemes);

    const clauses: string[] = [];
    const exactClauses: string[] = [];
    // Per word, what its clause matches besides its exact forms (null: nothing besides them).
    const expansionClauses: (string | null)[] = [];
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as Analysed;
      const expansion = expansions.get(word.input) as Expansion;
      const next = words[i + 1];
      if (next) {
        const joined = byInput.get(`${word.input}${next.input}`)?.folded;
        const joinedLexemes = joined ? pieces.get(joined) : undefined;
        const nextExpansion = expansions.get(next.input) as Expansion;
        if (joinedLexemes?.size) {
          const both =
            expansion.all.size && nextExpansion.all.size
              ? `(${anyOf(expansion.all)} & ${anyOf(nextExpansion.all)}) | `
              : '';
          clauses.push(`(${both}${anyOf(joinedLexemes)})`);
          exactClauses.push(anyOf(joinedLexemes));
          expansionClauses.push(both ? `(${anyOf(expansion.all)} & ${anyOf(nextExpansion.all)})` : null);
          i++;
          continue;
        }
      }
      let clause = expansion.all.size ? anyOf(expansion.all) : '';
      if (expansion.exact.size === 0) {
        for (const [a, b] of splits.get(word.input) ?? []) {
          const la = pieces.get(byInput.get(a)?.folded ?? '');
          const lb = pieces.get(byInput.get(b)?.folded ?? '');
          if (la?.size && lb?.size) {
            const split = `(${anyOf(la)} & ${anyOf(lb)})`;
            clause = clause ? `(${clause} | ${split})` : split;
            break;
          }
        }
      }
      if (!clause) continue; // A word found nowhere does not empty the result (as Meilisearch).
      clauses.push(clause);
      exactClauses.push(expansion.exact.size ? anyOf(expansion.exact) : clause);
      const rest = [...expansion.all].filter((lexeme) => !expansion.exact.has(lexeme));
      expansionClauses.push(expansion.exact.size && rest.length ? anyOf(rest) : null);
    }
    if (clauses.length === 0) return null;
    return {
      all: clauses.join(' & '),
      exact: exactClauses.join(' | '),
      expansions: expansionClauses.every((c) => c !== null) ? expansionClauses.join(' & ') : null,
      single: clauses.length === 1,
    };
  }

  private async expand(words: Analysed[]): Promise<Map<string, Expansion>> {
    const parts = words.flatMap((word, index) => {
      const folded = word.folded as string;
      const forms = [...new Set([folded, word.foldedInput])];
      const queries = [
        sql`(select ${index}::int as i, 'exact' as kind, word, folded from search_lexicon
             where folded = any(${sql.val(forms)}::text[]) or bare = any(${sql.val(forms)}::text[]) limit 50)`,
      ];
      const contained = compoundPart(folded, word.foldedInput);
      if (contained) {
        queries.push(sql`(select ${index}::int, 'compound', word, folded from search_lexicon
             where folded like ${`%${escapeLike(contained)}%`} order by length(folded) limit ${maxCompoundExpansions})`);
      }
      if (typoBudget(word.foldedInput.length) > 0) {
        queries.push(sql`(select ${index}::int, 'typo', word, folded from search_lexicon
             where folded % ${folded} limit ${maxTypoCandidates})`);
      }
      return queries;
    });
    const rows = await sql<{ i: number; kind: 'exact' | 'compound' | 'typo'; word: string; folded: string }>`
      ${sql.join(parts, sql` union all `)}
    `.execute(this.db);
    const result = new Map<string, Expansion>();
    for (const word of words) result.set(word.input, { exact: new Set(), all: new Set() });
    const typos: { word: string; lexeme: string; distance: number }[] = [];
    for (const row of rows.rows) {
      const word = words[row.i] as Analysed;
      const expansion = result.get(word.input) as Expansion;
      if (row.kind === 'typo') {
        const budget = typoBudget(word.foldedInput.length);
        const distance = Math.min(
          editDistance(row.folded, word.folded as string, budget),
          editDistance(row.folded, word.foldedInput, budget),
        );
        if (distance <= budget) typos.push({ word: word.input, lexeme: row.word, distance });
        continue;
      }
      if (row.kind === 'exact') expansion.exact.add(row.word);
      expansion.all.add(row.word);
    }
    // The closest few spellings only: every extra lexeme costs the match and the ranking.
    typos.sort((a, b) => a.distance - b.distance || a.lexeme.length - b.lexeme.length);
    const perWord = new Map<string, number>();
    for (const typo of typos) {
      const taken = perWord.get(typo.word) ?? 0;
      if (taken >= maxTypoExpansions) continue;
      perWord.set(typo.word, taken + 1);
      result.get(typo.word)?.all.add(typo.lexeme);
    }
    return result;
  }

  private async containing(parts: string[]): Promise<Map<string, Set<string>>> {
    const found = new Map<string, Set<string>>();
    if (parts.length === 0) return found;
    const queries = parts.map(
      (part, index) => sql`(select ${index}::int as i, word from search_lexicon
        where folded like ${`%${escapeLike(part)}`} order by length(folded) limit ${maxCompoundExpansions})`,
    );
    const rows = await sql<{ i: number; word: string }>`${sql.join(queries, sql` union all `)}`.execute(
      this.db,
    );
    for (const row of rows.rows) {
      const part = parts[row.i] as string;
      const set = found.get(part) ?? new Set<string>();
      set.add(row.word);
      found.set(part, set);
    }
    return found;
  }

  private async exactLexemes(forms: string[]): Promise<Map<string, Set<string>>> {
    const found = new Map<string, Set<string>>();
    if (forms.length === 0) return found;
    const rows = await sql<{ word: string; folded: string; bare: string }>`
      select word, folded, bare from search_lexicon
      where folded = any(${sql.val(forms)}::text[]) or bare = any(${sql.val(forms)}::text[])
      limit 500
    `.execute(this.db);
    for (const row of rows.rows) {
      for (const key of [row.folded, row.bare]) {
        if (!forms.includes(key)) continue;
        const set = found.get(key) ?? new Set<string>();
        set.add(row.word);
        found.set(key, set);
      }
    }
    return found;
  }
}

/**
 * The part a compound must contain to match the word: its stem when that is long enough to mean
 * something (4+ letters), otherwise the word with a common inflection cut off ("boliger" → "bolig",
 * where the stemmer says "bol").
 */
export function compoundPart(stem: string, word: string): string | null {
  if (stem.length >= 4) return stem;
  for (const ending of ['erne', 'ene', 'ers', 'er', 'en', 'et', 'e']) {
    if (word.endsWith(ending) && word.length - ending.length >= 4) return word.slice(0, -ending.length);
  }
  return word.length >= 4 ? word : null;
}

/** Two-part splits of a word typed as one ("sprogcafe" → "sprog" + "cafe"), with a linking s or e dropped. */
export function splitCandidates(word: string): [string, string][] {
  if (word.length < 7) return [];
  const pairs: [string, string][] = [];
  for (let i = word.length - 3; i >= 3; i--) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    pairs.push([head, tail]);
    if ((head.endsWith('s') || head.endsWith('e')) && head.length > 3) pairs.push([head.slice(0, -1), tail]);
  }
  return pairs;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function cleanDocument(doc: SearchDocument): SearchDocument {
  return {
    ...doc,
    title: cleanText(doc.title),
    summary: cleanText(doc.summary),
    body: cleanText(doc.body),
    tags: doc.tags.map(cleanText),
  };
}
