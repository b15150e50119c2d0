import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

/**
 * Code and docs cite only files that ship in the repository. The team's notes outside it
 * (DESIGN.md, STACK.md, STYLE.md, shared/…) are not there for a successor: their facts live in
 * docs/ (design.md, stack.md, policy/).
 */
const outsideReference =
  /(?<![\w/.-])(?:DESIGN\.md|STACK\.md|STYLE\.md)|(?<![\w.-])shared\/(?:policy|hooks|DESIGN|STACK|STYLE)\b|\/work\/shared/;

function trackedTextFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root })
    .toString()
    .split('\0')
    .filter((file) => file && !/^pnpm-lock\.yaml$|\.(png|jpe?g|ico|woff2?|svg)$/.test(file));
}

describe('references', () => {
  it('the check finds an outside reference', () => {
    for (const text of [
      'see DESIGN.md',
      'per STACK.md,',
      'from shared/policy/policy.json',
      '/work/shared/x',
    ]) {
      expect(outsideReference.test(text), text).toBe(true);
    }
    for (const text of ['see docs/design.md', 'docs/stack.md', 'a shared/ React component?']) {
      expect(outsideReference.test(text), text).toBe(false);
    }
  });

  it('code and docs cite only files inside the repository', () => {
    const offenders: string[] = [];
    for (const file of trackedTextFiles()) {
      if (file === 'tooling/repo-references.test.ts') continue;
      let text: string;
      try {
        text = readFileSync(join(root, file), 'utf8');
      } catch {
        continue;
      }
      text.split('\n').forEach((line, index) => {
        if (outsideReference.test(line)) offenders.push(`${file}:${index + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
