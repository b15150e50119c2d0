import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe with the WCAG 2.1 A and AA rules and fails with a readable list of what it found. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const violations = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
  expect(violations, `axe violations on ${page.url()}`).toEqual([]);
}

/** Switches language through the header's language switch, as a visitor would. */
export async function chooseLanguage(page: Page, language: 'Dansk' | 'English') {
  await page
    .getByRole('list', { name: /Vælg sprog|Choose language/ })
    .getByRole('link', { name: language })
    .click();
}

export const focusAreaSlugs = [
  'viden-og-videndeling',
  'sundhed-og-trivsel',
  'integrationsforstaaelse-og-kulturforskelle',
  'kvinder',
  'unge-maend',
  'familier-med-komplekse-problemstillinger',
];
