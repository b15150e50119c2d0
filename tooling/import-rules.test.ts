import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  checkImports,
  checkManifests,
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
    pkg('@brobygger/portal', 'apps/portal', 'app', ['@brobygger/db', '@brobygger/api-server']),
    pkg('@brobygger/api-server', 'apps/api', 'app', ['@brobygger/db']),
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
      file('apps/portal/app/root.tsx', '~/i18n', 'virtual:remix/server-build', '@brobygger/db', 'node:fs'),
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
