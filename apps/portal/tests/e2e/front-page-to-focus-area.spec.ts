import { expect, test } from './fixtures';

test('the front page shows the vision and the six focus areas', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Forside · Brobygger — Skanderborg Kommune');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Sammen om integration i Skanderborg Kommune',
  );
  await expect(page.getByRole('link', { name: 'Brobygger — Skanderborg Kommune' })).toBeVisible();
  await expect(page.locator('.vision')).toContainText('på lige fod med øvrige borgere i Skanderborg Kommune');

  const cards = page.locator('.focus-area-card');
  await expect(cards).toHaveCount(6);
  await expect(cards.filter({ hasText: 'Fokusområde' })).toHaveCount(3);
  await expect(cards.filter({ hasText: 'Målgruppe' })).toHaveCount(3);
  await expect(cards.filter({ hasText: 'Kvinder' })).toContainText('Målgruppe');
  await expect(cards.filter({ hasText: 'Viden og videndeling' })).toContainText('Fokusområde');
  await expect(
    page.getByText('Styregruppen får en status fra hvert område i marts og september hvert år.'),
  ).toBeVisible();
});

test('a visitor walks from the front page to a focus area and on to a target group', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: /Integrationsforståelse og kulturforskelle/ }).click();

  await expect(page).toHaveURL('/fokusomraader/integrationsforstaaelse-og-kulturforskelle');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Integrationsforståelse og kulturforskelle',
  );
  await expect(page).toHaveTitle(
    'Integrationsforståelse og kulturforskelle · Brobygger — Skanderborg Kommune',
  );
  await expect(page.locator('.focus-area-kind')).toHaveText('Fokusområde');
  await expect(
    page.getByText('Kulturforskelle stiller sig ofte hindrende for en vellykket integration.'),
  ).toBeVisible();

  const facts = page.locator('.focus-area-facts');
  await expect(facts).toContainText('Pædagogik, læring og integration');
  await expect(facts).toContainText('chef for skoler og specialtilbud');
  await expect(facts).toContainText('Alle i den kommunale organisation');

  const initiatives = page.locator('.initiative-list > li');
  await expect(initiatives).toHaveCount(5);
  const bydelsmoedre = initiatives.filter({ hasText: 'Bydelsmødre' });
  await expect(bydelsmoedre).toContainText('Hører også under: Kvinder');
  await expect(page.getByRole('list').filter({ hasText: 'Deltagelse og modtagelse' })).toBeVisible();

  // The same initiative, seen from the other area it belongs to.
  await bydelsmoedre.getByRole('link', { name: 'Kvinder' }).click();
  await expect(page).toHaveURL('/fokusomraader/kvinder');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kvinder');
  await expect(page.locator('.focus-area-kind')).toHaveText('Målgruppe');
  await expect(page.locator('.focus-area-facts')).toContainText('Integrationsteamet');
  await expect(page.locator('.focus-area-facts')).toContainText('jobcenterchefen (B)');
  await expect(page.locator('.initiative-list > li').filter({ hasText: 'Bydelsmødre' })).toContainText(
    'Integrationsforståelse og kulturforskelle',
  );
  await expect(page.locator('.initiative-list')).toContainText('IGU-SOSU');

  await page
    .getByRole('navigation', { name: 'Brødkrummesti' })
    .getByRole('link', { name: 'Fokusområder' })
    .click();
  await expect(page).toHaveURL('/fokusomraader');
});

test('the focus area list separates focus areas from target groups', async ({ page }) => {
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: 'Fokusområder' })
    .click();
  await expect(page).toHaveURL('/fokusomraader');
  await expect(page).toHaveTitle('Fokusområder · Brobygger — Skanderborg Kommune');
  await expect(page.getByRole('link', { name: 'Fokusområder', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );

  const crossCutting = page.getByRole('region', { name: 'Tværgående fokusområder' });
  const targetGroups = page.getByRole('region', { name: 'Målgrupper' });
  await expect(crossCutting.locator('.focus-area-card')).toHaveCount(3);
  await expect(targetGroups.locator('.focus-area-card')).toHaveCount(3);
  await expect(targetGroups).toContainText('Unge mænd');
  await expect(crossCutting).toContainText('Sundhed og trivsel');
});
