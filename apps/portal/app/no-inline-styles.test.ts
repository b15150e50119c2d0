import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The Content-Security-Policy has no 'unsafe-inline' for styles, so a `style` prop would be
// silently dropped by the browser. Keep styling in classes.
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx$/.test(entry.name) && !entry.name.includes('.test.') ? [path] : [];
  });
}

describe('components', () => {
  const roots = [join(import.meta.dirname, '.'), join(import.meta.dirname, '../../../packages/ui/src')];
  const files = roots.flatMap(sourceFiles);

  it('are found', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((file) => [relative(join(import.meta.dirname, '../../..'), file), file]))(
    '%s has no inline style attribute',
    (_name, file) => {
      expect(readFileSync(file, 'utf8')).not.toMatch(/\bstyle=\{/);
    },
  );
});
