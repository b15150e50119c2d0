import { expect, test } from './fixtures';

test('Tab reaches the skip link first, and it moves to the main content', async ({ page }) => {
  await page.goto('/fokusomraader');
  await page.keyboard.press('Tab');

  const skipLink = page.getByRole('link', { name: 'Gå til sidens indhold' });
  await expect(skipLink).toBeFocused();
  // Hidden until focused, then on screen with a visible outline.
  await expect(skipLink).toBeInViewport();
  expect(await skipLink.evaluate((element) => getComputedStyle(element).outlineStyle)).not.toBe('none');

  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main-content$/);
  await expect(page.locator('#main-content')).toBeFocused();

  // The next Tab goes into the content, past the header: the breadcrumb's first link.
  await page.keyboard.press('Tab');
  await expect(
    page.getByRole('navigation', { name: 'Brødkrummesti' }).getByRole('link', { name: 'Forside' }),
  ).toBeFocused();
});

test('every link in the header can be reached and followed with the keyboard', async ({ page }) => {
  await page.goto('/');
  const focusedTexts: string[] = [];
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    focusedTexts.push((await focused.textContent())?.trim() ?? '');
    expect(await focused.evaluate((element) => getComputedStyle(element).outlineStyle)).not.toBe('none');
  }
  expect(focusedTexts).toEqual([
    'Gå til sidens indhold',
    'Dansk',
    'English',
    'Brobygger — Skanderborg Kommune',
    'Forside',
    'Fokusområder',
  ]);

  await page.keyboard.press('Enter');
  await expect(page).toHaveURL('/fokusomraader');
});
