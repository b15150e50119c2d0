import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  checkImports,
  checkManifests,
  dataAccessOf,
  formatViolations,
  importsOf,
  type RuleId,
  readSources,
  readWorkspace,
  type SourceFile,
  type Violation,
  type WorkspacePackage,
} from './import-rules.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function expectNone(violations: readonly Violation[], rule: string): void {
  if (violations.length > 0) {
    expect.fail(`${violations.length} import(s) break the rule "${rule}":\n${formatViolations(violations)}`);
  }
}

describe('import rules of the repository (ARCHITECTURE.md)', () => {
  const packages = readWorkspace(root);
  const sources = readSources(root, packages);
  const violations = checkImports(packages, sources);
  const only = (rule: RuleId) => violations.filter((v) => v.rule === rule);

  it('finds the workspace and its source files', () => {
    const names = packages.map((pkg) => pkg.name);
    expect(names).toContain('@brobygger/domain');
    expect(names).toContain('@brobygger/portal');
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.some((file) => file.path.includes('node_modules/'))).toBe(false);
  });

  it('imports only packages that the importing package.json declares', () => {
    expectNone(only('undeclared-dependency'), 'declare what you import');
  });

  it('never reaches out of a package with a relative path', () => {
    expectNone(only('escapes-package'), 'no ../ out of the package');
  });

  it('never imports an app (packages never import apps; apps never import each other)', () => {
    expectNone(only('imports-app'), 'apps → packages only');
  });

  it('follows the package graph of ARCHITECTURE.md in code', () => {
    expectNone(only('package-graph'), 'package graph');
  });

  it('follows the package graph of ARCHITECTURE.md in package.json', () => {
    expectNone(checkManifests(packages), 'package graph (manifests)');
  });

  it('keeps packages/domain free of I/O', () => {
    expectNone(only('domain-io'), 'domain is pure');
  });

  it('keeps SQL out of route handlers: they call use cases (packages/api/src/services/)', () => {
    expectNone(only('sql-in-route'), 'no SQL in route handlers');
    // The rule looks at real handler files.
    expect(sources.filter((file) => file.path.startsWith('packages/api/src/routes/')).length).toBeGreaterThan(
      5,
    );
  });

  it('lets apps reach data only through the API (the CLI included), in code and in package.json', () => {
    expectNone(only('app-data-access'), 'apps reach data only through the API');
    expectNone(
      checkManifests(packages).filter((v) => v.rule === 'app-data-access'),
      'apps reach data only through the API (manifests)',
    );
  });
});

describe('the checker itself (synthetic input)', () => {
  const pkg = (name: string, dir: string, kind: WorkspacePackage['kind'], declared: string[] = []) => ({
    name,
    dir,
    kind,
    declared: new Set(declared),
  });
  const workspace: WorkspacePackage[] = [
    pkg('@brobygger/domain', 'packages/domain', 'package', ['zod', 'vitest']),
    pkg('@brobygger/db', 'packages/db', 'package', ['@brobygger/domain', 'kysely', '@types/pg']),
    pkg('@brobygger/ui', 'packages/ui', 'package', ['react', '@brobygger/db']),
    pkg('@brobygger/api', 'packages/api', 'package', [
      '@brobygger/domain',
      '@brobygger/db',
      'hono',
      'kysely',
    ]),
    pkg('@brobygger/portal', 'apps/portal', 'app', ['@brobygger/api', '@brobygger/api-server']),
    pkg('@brobygger/api-server', 'apps/api', 'app', ['@brobygger/api']),
  ];
  const file = (filePath: string, ...specifiers: string[]): SourceFile => ({
    path: filePath,
    imports: specifiers.map((specifier, index) => ({ specifier, line: index + 1 })),
  });
  const rulesOf = (files: SourceFile[]) =>
    checkImports(workspace, files).map((v) => `${v.rule} ${v.specifier}`);

  it('passes clean code', () => {
    const clean = [
      file('packages/domain/src/a.ts', 'zod', './b.ts', 'node:crypto', 'vitest'),
      file(
        'packages/db/src/x/q.ts',
        '@brobygger/domain',
        'kysely',
        'pg',
        '../index.ts',
        '@brobygger/db/testing',
      ),
      file('apps/portal/app/root.tsx', '~/i18n', 'virtual:remix/server-build', '@brobygger/api', 'node:fs'),
      file('packages/api/src/routes/x/x.index.ts', 'hono', '../../services/x/index.ts', '../../errors.ts'),
      // Tests of routes may set up data directly.
      file('packages/api/src/routes/x/x.test.ts', '@brobygger/db', 'kysely'),
      file('packages/api/src/services/x/x.ts', '@brobygger/db', 'kysely', '../../mail/send.ts'),
    ];
    // `pg` is covered by its declared `@types/pg`, the self-import by the package's own name.
    expect(rulesOf(clean)).toEqual([]);
  });

  it('fails an undeclared package, and names the file, line and package.json', () => {
    const [violation] = checkImports(workspace, [file('packages/db/src/a.ts', 'kysely', 'lodash/fp')]);
    expect(violation).toMatchObject({ rule: 'undeclared-dependency', file: 'packages/db/src/a.ts', line: 2 });
    expect(violation?.message).toContain('"lodash" is not declared in packages/db/package.json');
    expect(formatViolations(violation ? [violation] : [])).toContain(
      "packages/db/src/a.ts:2  imports 'lodash/fp'",
    );
  });

  it('fails a relative import that leaves the package', () => {
    expect(rulesOf([file('packages/db/src/a.ts', '../../domain/src/index.ts', '../src/b.ts')])).toEqual([
      'escapes-package ../../domain/src/index.ts',
    ]);
  });

  it('fails a package importing an app and an app importing an app', () => {
    expect(rulesOf([file('apps/portal/server/main.ts', '@brobygger/api-server')])).toEqual([
      'imports-app @brobygger/api-server',
    ]);
    const fromPackage = checkImports(
      [...workspace, pkg('@brobygger/search', 'packages/search', 'package', ['@brobygger/portal'])],
      [file('packages/search/src/a.ts', '@brobygger/portal')],
    );
    expect(fromPackage.map((v) => v.rule)).toEqual(['imports-app']);
  });

  it('fails an edge that the package graph does not allow', () => {
    expect(rulesOf([file('packages/ui/src/a.tsx', '@brobygger/db')])).toEqual([
      'package-graph @brobygger/db',
    ]);
    expect(checkManifests(workspace).map((v) => `${v.file} ${v.specifier}`)).toEqual([
      'packages/ui/package.json @brobygger/db',
      'apps/portal/package.json @brobygger/api-server',
    ]);
  });

  it('fails I/O in packages/domain, and a domain import of another package of ours', () => {
    const domainWithDb = workspace.map((p) =>
      p.name === '@brobygger/domain' ? { ...p, declared: new Set(['pg', '@brobygger/db']) } : p,
    );
    const found = checkImports(domainWithDb, [
      file('packages/domain/src/a.ts', 'node:fs', 'fs/promises', 'pg', '@brobygger/db'),
    ]).map((v) => `${v.rule} ${v.specifier}`);
    expect(found).toEqual([
      'domain-io node:fs',
      'domain-io fs/promises',
      'domain-io pg',
      'package-graph @brobygger/db',
    ]);
  });

  it('fails an app that reaches for data itself (db package, driver), in code and in package.json', () => {
    const appWithDb = workspace.map((p) =>
      p.name === '@brobygger/api-server'
        ? { ...p, declared: new Set(['@brobygger/api', '@brobygger/db', 'kysely', 'pg']) }
        : p,
    );
    const found = checkImports(appWithDb, [
      file('apps/api/src/cli.ts', '@brobygger/api', '@brobygger/db', 'pg', '@brobygger/db/testing'),
    ]).map((v) => `${v.rule} ${v.specifier}`);
    expect(found).toEqual([
      'app-data-access @brobygger/db',
      'app-data-access pg',
      'app-data-access @brobygger/db/testing',
    ]);
    expect(
      checkManifests(appWithDb)
        .filter((v) => v.rule === 'app-data-access')
        .map((v) => `${v.file} ${v.specifier}`),
    ).toEqual(['apps/api/package.json @brobygger/db', 'apps/api/package.json kysely']);
    // A driver the compiled bundle leaves out may be declared; the code above still may not import it.
  });

  it('fails a route handler that imports the database, a query builder or the mail outbox', () => {
    expect(
      rulesOf([
        file(
          'packages/api/src/routes/x/x.index.ts',
          '@brobygger/db',
          'kysely',
          '../../mail/send.ts',
          '@brobygger/domain',
          'hono/http-exception',
        ),
      ]),
    ).toEqual(['sql-in-route @brobygger/db', 'sql-in-route kysely', 'sql-in-route ../../mail/send.ts']);
  });

  it('fails a route handler that queries through the database handle, without any import', () => {
    const source = [
      'export const r = router.get(async (c) => {',
      '  const rows = await c.var.deps.db.selectFrom("users").selectAll().execute();',
      '  const { db } = c.var.deps;',
      "  await db['insertInto']('x').values({}).execute();",
      '  await sql`delete from users`.execute(x);',
      '  await trx.transaction().execute(async () => {});',
      '  // c.var.deps.db.selectFrom in a comment, and "db.deleteFrom" in a string, do not count',
      '  return c.json(rows);',
      '});',
    ].join('\n');
    expect(dataAccessOf(source).map((use) => `${use.line} ${use.specifier}`)).toEqual([
      '2 .selectFrom',
      '2 .db',
      '3 { db }',
      "4 ['insertInto']",
      '5 sql`…`',
      '6 .transaction',
    ]);
    const route = {
      path: 'packages/api/src/routes/x/x.index.ts',
      imports: [],
      dataAccess: dataAccessOf(source),
    };
    const service = { ...route, path: 'packages/api/src/services/x/x.ts' };
    const found = checkImports(workspace, [route, service]);
    expect(found.map((v) => `${v.rule} ${v.file}:${v.line}`)).toEqual([
      'sql-in-route packages/api/src/routes/x/x.index.ts:2',
      'sql-in-route packages/api/src/routes/x/x.index.ts:2',
      'sql-in-route packages/api/src/routes/x/x.index.ts:3',
      'sql-in-route packages/api/src/routes/x/x.index.ts:4',
      'sql-in-route packages/api/src/routes/x/x.index.ts:5',
      'sql-in-route packages/api/src/routes/x/x.index.ts:6',
    ]);
  });

  it('reads static, type-only, re-exported, dynamic and required imports but not comments', () => {
    const source = [
      "import type { A } from 'a';",
      "export * from './b.ts';",
      '// import "commented";',
      "const c = await import('c');",
      "const d = require('d');",
    ].join('\n');
    expect(importsOf(source)).toEqual([
      { specifier: 'a', line: 1 },
      { specifier: './b.ts', line: 2 },
      { specifier: 'c', line: 4 },
      { specifier: 'd', line: 5 },
    ]);
  });
});
