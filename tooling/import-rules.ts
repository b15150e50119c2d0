// The import rules of ARCHITECTURE.md as one pure function, so a test can run them over the
// repository and over synthetic input (to show that each rule can fail).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

/**
 * Which of our packages each package may import (ARCHITECTURE.md, "Import rules"; docs/design.md, "Architecture").
 * A new package must be added here on purpose: an unknown package fails the check.
 * Apps may import any package; nothing may import an app.
 */
export const PACKAGE_GRAPH: Readonly<Record<string, readonly string[]>> = {
  '@brobygger/domain': [],
  '@brobygger/db': ['@brobygger/domain'],
  '@brobygger/auth': ['@brobygger/db', '@brobygger/domain'],
  '@brobygger/search': ['@brobygger/domain', '@brobygger/db'],
  '@brobygger/jobs': ['@brobygger/db'],
  '@brobygger/api': [
    '@brobygger/domain',
    '@brobygger/db',
    '@brobygger/auth',
    '@brobygger/search',
    '@brobygger/jobs',
  ],
  '@brobygger/ui': [],
};

/**
 * Apps reach data only through the API: of our packages they may import these, never db, auth or
 * search (the operator CLI included: it calls the use cases `@brobygger/api` exports), and no
 * database driver or query builder.
 */
export const APP_ALLOWED_PACKAGES: readonly string[] = [
  '@brobygger/api',
  '@brobygger/domain',
  '@brobygger/ui',
];
const DATA_PACKAGES = [/^pg(-.*)?$/, /^kysely$/, /^@electric-sql\//];
/**
 * Database drivers an app may list in its package.json only because its compiled server leaves
 * them out of the bundle (native code, WebAssembly; docs/decisions/0010): installed beside the
 * bundle, never imported by the app's own code, which the code rule above still checks.
 */
export const APP_BUNDLE_EXTERNALS: readonly string[] = ['@electric-sql/pglite', 'pg'];

/**
 * Route handlers (non-test files under packages/api/src/routes/) parse, call a use case and shape
 * the answer. They may import only these packages, plus files of packages/api outside `mail/`
 * (mail is queued by use cases); never `@brobygger/db`, `@brobygger/auth`, `kysely` or a driver.
 */
export const ROUTES_DIR = 'packages/api/src/routes/';
export const ROUTE_ALLOWED_PACKAGES: readonly RegExp[] = [
  /^@brobygger\/domain$/,
  /^hono$/,
  /^@hono\//,
  /^zod$/,
  // Renders the API reference page (/api/docs): presentation, no data.
  /^@scalar\/hono-api-reference$/,
];
const ROUTE_FORBIDDEN_DIRS = ['packages/api/src/mail/'];

/**
 * What a route handler may not touch even without importing anything: Kysely's query-builder
 * entry points, the database handle (`deps.db`, `{ db }`) and the `sql` template tag.
 */
export const QUERY_BUILDER_NAMES: ReadonlySet<string> = new Set([
  'db',
  'selectFrom',
  'selectNoFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
  'replaceInto',
  'transaction',
  'executeQuery',
  'getExecutor',
]);

export function isRouteHandlerFile(file: string): boolean {
  return file.startsWith(ROUTES_DIR) && !/\.test\.tsx?$/.test(file);
}

/** packages/domain is pure: besides its declared dependencies, no I/O. */
export const DOMAIN_PACKAGE = '@brobygger/domain';

/** Node built-ins that do no I/O and so may appear in domain code. */
const PURE_BUILTINS = new Set([
  'assert',
  'assert/strict',
  'buffer',
  'crypto',
  'events',
  'querystring',
  'string_decoder',
  'url',
  'util',
  'util/types',
]);

/** Third-party packages that talk to databases, networks, files or processes. */
const IO_PACKAGES = [
  /^pg(-.*)?$/,
  /^kysely$/,
  /^@electric-sql\//,
  /^meilisearch$/,
  /^nodemailer$/,
  /^pino(-.*)?$/,
  /^hono$/,
  /^@hono\//,
  /^@node-rs\//,
  /^ioredis$/,
  /^redis$/,
  /^undici$/,
  /^node-fetch$/,
  /^axios$/,
  /^dotenv$/,
  /^@remix-run\//,
  /^react-dom$/,
];

export type WorkspaceKind = 'app' | 'package' | 'other';

export interface WorkspacePackage {
  name: string;
  /** Directory relative to the repository root, with forward slashes (e.g. `packages/db`). */
  dir: string;
  kind: WorkspaceKind;
  /** Names in dependencies, devDependencies and peerDependencies. */
  declared: ReadonlySet<string>;
}

export interface SourceImport {
  specifier: string;
  line: number;
}

export interface SourceFile {
  /** Path relative to the repository root, with forward slashes. */
  path: string;
  imports: readonly SourceImport[];
  /** Uses of the database handle or the query builder in the code (see `dataAccessOf`). */
  dataAccess?: readonly SourceImport[];
}

export type RuleId =
  | 'undeclared-dependency'
  | 'escapes-package'
  | 'imports-app'
  | 'package-graph'
  | 'domain-io'
  | 'manifest-graph'
  | 'app-data-access'
  | 'sql-in-route';

export interface Violation {
  rule: RuleId;
  file: string;
  line?: number;
  specifier: string;
  message: string;
}

/** `@scope/name/sub/path?query` → `@scope/name`; `name/sub` → `name`. */
export function packageNameOf(specifier: string): string {
  const bare = specifier.split('?')[0] ?? specifier;
  const parts = bare.split('/');
  return (bare.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

function isRelative(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}

/** Path aliases and virtual modules that stay inside the importing package by construction. */
function isLocalAlias(specifier: string): boolean {
  return specifier.startsWith('~/') || specifier.startsWith('virtual:') || specifier.startsWith('#');
}

function builtinName(specifier: string): string | undefined {
  if (specifier.startsWith('node:')) return specifier.slice('node:'.length);
  return isBuiltin(specifier) ? specifier : undefined;
}

function isIoPackage(name: string): boolean {
  return IO_PACKAGES.some((pattern) => pattern.test(name));
}

function ownerOf(file: string, packages: readonly WorkspacePackage[]): WorkspacePackage | undefined {
  return packages
    .filter((pkg) => file.startsWith(`${pkg.dir}/`))
    .sort((a, b) => b.dir.length - a.dir.length)[0];
}

/** Checks every import of every file against the rules; returns all violations (empty when clean). */
export function checkImports(
  packages: readonly WorkspacePackage[],
  files: readonly SourceFile[],
  graph: Readonly<Record<string, readonly string[]>> = PACKAGE_GRAPH,
): Violation[] {
  const byName = new Map(packages.map((pkg) => [pkg.name, pkg]));
  const violations: Violation[] = [];

  for (const file of files) {
    const owner = ownerOf(file.path, packages);
    if (!owner) continue;
    const manifest = `${owner.dir}/package.json`;

    const routeHandler = isRouteHandlerFile(file.path);
    if (routeHandler) {
      for (const { specifier, line } of file.dataAccess ?? []) {
        violations.push({
          rule: 'sql-in-route',
          file: file.path,
          line,
          specifier,
          message: `a route handler may not use the database (${specifier}); call a use case in packages/api/src/services/ and let it run the queries of packages/db`,
        });
      }
    }

    for (const { specifier, line } of file.imports) {
      const at = { file: file.path, line, specifier };

      if (isRelative(specifier)) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.path), specifier));
        const forbidden = ROUTE_FORBIDDEN_DIRS.find((dir) => target.startsWith(dir));
        if (routeHandler && forbidden) {
          violations.push({
            ...at,
            rule: 'sql-in-route',
            message: `a route handler may not import ${forbidden} (mail is queued by use cases, in their transaction)`,
          });
        }
        if (!target.startsWith(`${owner.dir}/`) && target !== owner.dir) {
          violations.push({
            ...at,
            rule: 'escapes-package',
            message: `relative import leaves ${owner.dir}/ (resolves to ${target}); import the other package by its name and its "exports"`,
          });
        }
        continue;
      }
      if (isLocalAlias(specifier)) continue;
      if (specifier.startsWith('/')) {
        violations.push({
          ...at,
          rule: 'escapes-package',
          message: 'absolute import path; use a relative import or a package name',
        });
        continue;
      }

      const builtin = builtinName(specifier);
      if (builtin !== undefined) {
        if (owner.name === DOMAIN_PACKAGE && !PURE_BUILTINS.has(builtin)) {
          violations.push({
            ...at,
            rule: 'domain-io',
            message: `packages/domain is pure and may not use the Node built-in "${builtin}" (I/O belongs in db, auth, search or api)`,
          });
        }
        continue;
      }

      const name = packageNameOf(specifier);
      if (routeHandler && !ROUTE_ALLOWED_PACKAGES.some((pattern) => pattern.test(name))) {
        violations.push({
          ...at,
          rule: 'sql-in-route',
          message: `a route handler may not import "${name}"; it parses, calls a use case (packages/api/src/services/) and shapes the answer`,
        });
      }
      if (
        owner.kind === 'app' &&
        ((byName.get(name)?.kind === 'package' && !APP_ALLOWED_PACKAGES.includes(name)) ||
          DATA_PACKAGES.some((pattern) => pattern.test(name)))
      ) {
        violations.push({
          ...at,
          rule: 'app-data-access',
          message: `apps reach data only through the API: "${name}" is not for apps (use @brobygger/api — createApi, bootApi, or the operator's use cases in openOperations)`,
        });
      }
      const typesName = name.startsWith('@')
        ? `@types/${name.slice(1).replace('/', '__')}`
        : `@types/${name}`;
      if (name !== owner.name && !owner.declared.has(name) && !owner.declared.has(typesName)) {
        violations.push({
          ...at,
          rule: 'undeclared-dependency',
          message: `"${name}" is not declared in ${manifest} (add it to dependencies or devDependencies)`,
        });
      }

      if (owner.name === DOMAIN_PACKAGE && isIoPackage(name)) {
        violations.push({
          ...at,
          rule: 'domain-io',
          message: `packages/domain is pure and may not import "${name}" (I/O belongs in db, auth, search or api)`,
        });
      }

      const target = byName.get(name);
      if (!target || target.name === owner.name) continue;
      violations.push(...edgeViolations(owner, target, graph).map((message) => ({ ...at, ...message })));
    }
  }
  return violations;
}

/** What is wrong with `from` depending on `to`, both workspace packages. */
function edgeViolations(
  from: WorkspacePackage,
  to: WorkspacePackage,
  graph: Readonly<Record<string, readonly string[]>>,
): Array<{ rule: RuleId; message: string }> {
  if (to.kind === 'app') {
    return [
      {
        rule: 'imports-app',
        message:
          from.kind === 'app'
            ? `an app may not import another app (${from.name} → ${to.name}); move the shared code into a package`
            : `a package may not import an app (${from.name} → ${to.name}); apps depend on packages, never the reverse`,
      },
    ];
  }
  if (from.kind === 'app') {
    return to.kind === 'package'
      ? []
      : [{ rule: 'package-graph', message: `${to.name} (${to.dir}) is neither an app nor a package` }];
  }
  const allowed = graph[from.name];
  if (!allowed) {
    return [
      {
        rule: 'package-graph',
        message: `${from.name} is not in PACKAGE_GRAPH (tooling/import-rules.ts); add it with the packages it may import`,
      },
    ];
  }
  if (!allowed.includes(to.name)) {
    const may = allowed.length ? allowed.join(', ') : 'none of our packages';
    return [
      {
        rule: 'package-graph',
        message: `${from.name} may not import ${to.name}; per ARCHITECTURE.md it may import ${may}`,
      },
    ];
  }
  return [];
}

/** The same graph checked on package.json: a workspace dependency must be an allowed edge. */
export function checkManifests(
  packages: readonly WorkspacePackage[],
  graph: Readonly<Record<string, readonly string[]>> = PACKAGE_GRAPH,
): Violation[] {
  const byName = new Map(packages.map((pkg) => [pkg.name, pkg]));
  const violations: Violation[] = [];
  for (const from of packages) {
    if (from.kind === 'other') continue;
    for (const dependency of [...from.declared].sort()) {
      if (
        from.kind === 'app' &&
        ((byName.get(dependency)?.kind === 'package' && !APP_ALLOWED_PACKAGES.includes(dependency)) ||
          (DATA_PACKAGES.some((pattern) => pattern.test(dependency)) &&
            !APP_BUNDLE_EXTERNALS.includes(dependency)))
      ) {
        violations.push({
          rule: 'app-data-access',
          file: `${from.dir}/package.json`,
          specifier: dependency,
          message: `apps reach data only through the API; ${from.name} may not depend on ${dependency}`,
        });
      }
      const to = byName.get(dependency);
      if (!to || to.name === from.name) continue;
      for (const { message } of edgeViolations(from, to, graph)) {
        violations.push({
          rule: 'manifest-graph',
          file: `${from.dir}/package.json`,
          specifier: dependency,
          message,
        });
      }
    }
  }
  return violations;
}

export function formatViolations(violations: readonly Violation[]): string {
  return violations
    .map((v) => `  ${v.file}${v.line ? `:${v.line}` : ''}  imports '${v.specifier}'\n    ${v.message}`)
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// Reading the repository

const SKIPPED_DIRS = new Set([
  'node_modules',
  '.git',
  '.cache',
  'build',
  'dist',
  '.turbo',
  'public',
  'data',
  'reports',
  'playwright-report',
  'test-results',
  'coverage',
]);
const SOURCE_FILE = /\.(ts|tsx|mts|cts)$/;

function readManifest(dir: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function dependencyNames(manifest: Record<string, unknown>): Set<string> {
  const names = new Set<string>();
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
    const deps = manifest[field];
    if (deps && typeof deps === 'object') for (const name of Object.keys(deps)) names.add(name);
  }
  return names;
}

function listDirs(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}

/** Every workspace package under apps/*, packages/* and any other top-level workspace folder given. */
export function readWorkspace(root: string, otherDirs: readonly string[] = ['bench']): WorkspacePackage[] {
  const candidates: Array<{ dir: string; kind: WorkspaceKind }> = [
    ...listDirs(path.join(root, 'apps')).map((name) => ({ dir: `apps/${name}`, kind: 'app' as const })),
    ...listDirs(path.join(root, 'packages')).map((name) => ({
      dir: `packages/${name}`,
      kind: 'package' as const,
    })),
    ...otherDirs.map((dir) => ({ dir, kind: 'other' as const })),
  ];
  const packages: WorkspacePackage[] = [];
  for (const { dir, kind } of candidates) {
    const manifest = readManifest(path.join(root, dir));
    if (!manifest || typeof manifest.name !== 'string') continue;
    packages.push({ name: manifest.name, dir, kind, declared: dependencyNames(manifest) });
  }
  return packages;
}

function walk(root: string, dir: string, out: string[]): void {
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(root, rel, out);
    } else if (SOURCE_FILE.test(entry.name) && statSync(path.join(root, rel)).isFile()) {
      out.push(rel);
    }
  }
}

/** Module specifiers of one file: static, type-only, re-exports, dynamic `import()` and `require()`. */
export function importsOf(source: string): SourceImport[] {
  const lineOf = (pos: number) => source.slice(0, pos).split('\n').length;
  return ts.preProcessFile(source, true, true).importedFiles.map((ref) => ({
    specifier: ref.fileName,
    line: lineOf(ref.pos),
  }));
}

/**
 * Where code touches the database without importing anything: a property or binding named like
 * the database handle or a Kysely entry point (`c.var.deps.db`, `const { db } = …`,
 * `x.selectFrom(…)`, `x['insertInto']`) and the `sql` template tag. Read from the syntax tree, so
 * comments and strings do not count.
 */
export function dataAccessOf(source: string): SourceImport[] {
  const file = ts.createSourceFile('file.tsx', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: SourceImport[] = [];
  const at = (node: ts.Node, what: string) =>
    found.push({ specifier: what, line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1 });
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && QUERY_BUILDER_NAMES.has(node.name.text)) {
      at(node.name, `.${node.name.text}`);
    } else if (
      ts.isElementAccessExpression(node) &&
      ts.isStringLiteralLike(node.argumentExpression) &&
      QUERY_BUILDER_NAMES.has(node.argumentExpression.text)
    ) {
      at(node.argumentExpression, `['${node.argumentExpression.text}']`);
    } else if (ts.isBindingElement(node)) {
      const key = node.propertyName ?? node.name;
      if ((ts.isIdentifier(key) || ts.isStringLiteral(key)) && QUERY_BUILDER_NAMES.has(key.text)) {
        at(key, `{ ${key.text} }`);
      }
    } else if (ts.isTaggedTemplateExpression(node) && node.tag.getText(file) === 'sql') {
      at(node.tag, 'sql`…`');
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Every .ts/.tsx file of the apps and packages, with its imports (and, for routes, data access). */
export function readSources(root: string, packages: readonly WorkspacePackage[]): SourceFile[] {
  const files: string[] = [];
  for (const pkg of packages) if (pkg.kind !== 'other') walk(root, pkg.dir, files);
  return files.sort().map((file) => {
    const source = readFileSync(path.join(root, file), 'utf8');
    return {
      path: file,
      imports: importsOf(source),
      ...(isRouteHandlerFile(file) ? { dataAccess: dataAccessOf(source) } : {}),
    };
  });
}
