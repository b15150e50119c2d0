import { expect, test } from './fixtures';
import { chooseLanguage } from './support';

test('an unknown address gets a friendly 404 page inside the layout', async ({ page }) => {
  const response = await page.goto('/findes-ikke');
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle('Siden blev ikke fundet · Brobygger — Skanderborg Kommune');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Siden blev ikke fundet');
  await expect(page.getByRole('navigation', { name: 'Hovedmenu' })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('Tilgængelighedserklæring');

  await page.getByRole('main').getByRole('link', { name: 'Fokusområder' }).click();
  await expect(page).toHaveURL('/fokusomraader');
});

test('an unknown focus area answers 404 and points to the list', async ({ page }) => {
  const response = await page.goto('/fokusomraader/findes-ikke');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Siden blev ikke fundet');
  await expect(page.getByText('Vi kender ikke et fokusområde med den adresse.')).toBeVisible();

  // Slugs the API rejects outright are not found either, not errors.
  expect((await page.goto('/fokusomraader/%C3%86%C3%98%C3%85'))?.status()).toBe(404);
});

test('the 404 page speaks the chosen language', async ({ page }) => {
  await page.goto('/findes-ikke');
  await chooseLanguage(page, 'English');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Page not found · Brobygger — Skanderborg Municipality');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});
