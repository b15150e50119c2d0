#!/usr/bin/env node
// Prints the one summary line CI ends with — `N passed, N failed[, N skipped]` — from the Vitest and
// Playwright JSON reports, and exits non-zero when the test command failed or any test failed.
//
//   node tooling/summarize-results.mjs [--exit-code <code of the test command>] [--reports <dir>]
//
// A missing report counts as zero tests. A failing test command with no failed test to show for it
// (lint, typecheck or a build broke, or a test file could not even load) counts as one failure, so
// the line never reads "0 failed" for a red run.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

function argument(name, fallback) {
  const index = process.argv.indexOf(name);
  return index >= 0 && index + 1 < process.argv.length ? process.argv[index + 1] : fallback;
}

const reportsDir = path.resolve(argument('--reports', 'reports'));
const commandExitCode = Number.parseInt(argument('--exit-code', '0'), 10) || 0;
const notes = [];

function readReport(file) {
  const full = path.join(reportsDir, file);
  if (!existsSync(full)) {
    notes.push(`no ${path.relative(process.cwd(), full)}: counted as 0 tests`);
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(full, 'utf8'));
  } catch (error) {
    notes.push(`unreadable ${file} (${error.message}): counted as one failure`);
    return { unreadable: true };
  }
}

const count = (value) => (Number.isFinite(value) ? value : 0);
const totals = { passed: 0, failed: 0, skipped: 0 };

// Vitest's json reporter (Jest-compatible shape).
const vitest = readReport('vitest.json');
if (vitest?.unreadable) {
  totals.failed += 1;
} else if (vitest) {
  totals.passed += count(vitest.numPassedTests);
  totals.failed += count(vitest.numFailedTests);
  totals.skipped += count(vitest.numPendingTests) + count(vitest.numTodoTests);
  // A test file that failed to load has no failed test in it: count the file itself.
  for (const file of vitest.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((test) => test.status === 'failed').length;
    if (file.status === 'failed' && failedTests === 0) {
      totals.failed += 1;
      notes.push(`vitest: ${path.relative(process.cwd(), file.name ?? '?')} failed outside any test`);
    }
  }
}

// Playwright's json reporter: expected = passed, unexpected = failed, flaky = passed on retry.
const playwright = readReport('playwright.json');
if (playwright?.unreadable) {
  totals.failed += 1;
} else if (playwright) {
  const stats = playwright.stats ?? {};
  totals.passed += count(stats.expected) + count(stats.flaky);
  totals.failed += count(stats.unexpected);
  totals.skipped += count(stats.skipped);
  // Errors outside tests (global setup, the web server not starting) fail the run without a test.
  const errors = playwright.errors?.length ?? 0;
  if (errors > 0 && count(stats.unexpected) === 0) {
    totals.failed += errors;
    notes.push(`playwright: ${errors} error(s) outside any test`);
  }
}

if (commandExitCode !== 0 && totals.failed === 0) {
  totals.failed = 1;
  notes.push(`the test command exited with ${commandExitCode} without a failed test: counted as one failure`);
}

for (const note of notes) console.error(`summary: ${note}`);
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);

process.exitCode = commandExitCode !== 0 ? commandExitCode : totals.failed > 0 ? 1 : 0;
