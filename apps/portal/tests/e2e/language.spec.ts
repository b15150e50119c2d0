import { expect, test } from './fixtures';
import { chooseLanguage } from './support';

test('the English switch changes the language of the page and remembers it', async ({ page }) => {
  await page.goto('/fokusomraader/kvinder');
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');

  await chooseLanguage(page, 'English');
  await expect(page).toHaveURL('/fokusomraader/kvinder');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Kvinder · Brobygger — Skanderborg Municipality');
  await expect(
    page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Home' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Why this area matters' })).toBeVisible();
  await expect(page.locator('.focus-area-kind')).toHaveText('Target group');
  // The policy's own words stay Danish, and say so to screen readers.
  await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'da');
  await expect(page.getByRole('link', { name: 'English' })).toHaveAttribute('aria-current', 'true');

  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Home' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Working together on integration in Skanderborg',
  );

  await chooseLanguage(page, 'Dansk');
  await expect(page).toHaveURL('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Sammen om integration i Skanderborg Kommune',
  );
});

test('the language switch only returns to pages on this site', async ({ page }) => {
  await page.goto('/sprog?lng=en&returnTo=https://example.com/');
  await expect(page).toHaveURL('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
