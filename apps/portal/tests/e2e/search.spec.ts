import { expect, type Page, test } from './fixtures';
import { expectNoAxeViolations } from './support';

// One search (issue 12): the header field on every page, /soeg as a plain form and result page
// (both projects, with and without JavaScript), and search as you type where JavaScript runs.

/** The index is filled by a job at start-up; wait until the seeded policy is findable. */
async function searchFromHeader(page: Page, path: string, q: string) {
  await expect(async () => {
    await page.goto(path);
    const header = page.getByRole('banner');
    await header.getByRole('searchbox', { name: 'Søg på Brobygger' }).fill(q);
    await header.getByRole('button', { name: 'Søg på sitet' }).click();
    await expect(page).toHaveURL(/\/soeg\?q=/);
    await expect(page.getByRole('heading', { level: 2 }).first()).toContainText('resultat', {
      timeout: 1000,
    });
  }).toPass({ timeout: 20_000 });
}

test('the header field on any page finds the policy’s words, typed the Danish way', async ({ page }) => {
  await searchFromHeader(page, '/arrangementer', 'sundhedssamtaler');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Søg i Brobygger');
  const hit = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: 'Sundhedssamtaler' }) });
  await expect(hit).toContainText('Indsats');
  await expect(page.getByLabel('Hvad leder du efter?')).toHaveValue('sundhedssamtaler');

  // æ typed as ae, and the highlighted passage.
  await searchFromHeader(page, '/', 'aeldreomraadet');
  await expect(page.getByRole('link', { name: /ældre- og handicapområdet/ })).toBeVisible();
  await expect(page.locator('.search-hit__snippet mark').first()).toBeVisible();
});

test('the facets narrow the search and the filter can be cleared, without any script', async ({ page }) => {
  await searchFromHeader(page, '/', 'frivillige');
  const facets = page.getByRole('complementary');
  await facets.getByRole('link', { name: /^Indsats \(\d+\)$/ }).click();
  await expect(page).toHaveURL(/type=initiative/);
  await expect(page.locator('.search-hit__type').first()).toHaveText('Indsats');
  const types = await page.locator('.search-hit__type').allTextContents();
  expect(new Set(types)).toEqual(new Set(['Indsats']));
  await page.getByRole('link', { name: 'Fjern afgrænsningen' }).click();
  await expect(page).not.toHaveURL(/type=/);
  // The page form keeps working as a plain GET form.
  await page.getByLabel('Hvad leder du efter?').fill('sundhed og trivsel');
  await page.getByRole('main').getByRole('button', { name: 'Søg', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Sundhed og trivsel', exact: true }).first()).toBeVisible();
});

test('an empty search and operator soup answer normally', async ({ page }) => {
  await page.goto('/soeg');
  await expect(page.getByText('Skriv et eller flere ord for at søge.')).toBeVisible();
  const response = await page.goto(`/soeg?q=${encodeURIComponent('"&|!:*\'\\ ((( 😀')}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 2 }).first()).toContainText('Ingen resultater');
  expect((await page.goto('/soeg?q=x&type=opskrift'))?.status()).toBe(400);
});

test('/soeg ships no React, only its small search-as-you-type script', async ({ page }) => {
  await page.goto('/soeg?q=sundhed');
  expect(await page.locator('link[rel="modulepreload"]').count()).toBe(0);
  expect(await page.locator('script').count()).toBe(1);
  await expect(page.locator('script')).toHaveAttribute('src', '/search-as-you-type.js');
});

test.describe('search as you type', { tag: '@needs-js' }, () => {
  test('suggestions as a combobox: announced, chosen with the arrow keys, opened with Enter', async ({
    page,
  }) => {
    await searchFromHeader(page, '/', 'sundhed');
    const field = page.getByRole('combobox', { name: 'Hvad leder du efter?' });
    await field.fill('');
    await field.pressSequentially('frivilig', { delay: 30 }); // a typo
    const listbox = page.getByRole('listbox', { name: 'Forslag' });
    await expect(listbox).toBeVisible();
    await expect(field).toHaveAttribute('aria-expanded', 'true');
    const options = listbox.getByRole('option');
    expect(await options.count()).toBeGreaterThan(0);
    await expect(page.getByRole('status')).toContainText('forslag');
    await field.press('ArrowDown');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await expect(field).toHaveAttribute('aria-activedescendant', 'search-suggestion-0');
    await field.press('Escape');
    await expect(listbox).toBeHidden();
    await expect(field).toHaveAttribute('aria-expanded', 'false');
    await field.press('ArrowDown');
    await field.press('Enter');
    await expect(page).not.toHaveURL(/\/soeg/);
  });

  test('the search page has no axe violations, with results and with suggestions open', async ({ page }) => {
    await searchFromHeader(page, '/', 'frivillige');
    await expectNoAxeViolations(page);
    const field = page.getByRole('combobox', { name: 'Hvad leder du efter?' });
    await field.fill('');
    await field.pressSequentially('sundhed', { delay: 30 });
    await expect(page.getByRole('listbox', { name: 'Forslag' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
