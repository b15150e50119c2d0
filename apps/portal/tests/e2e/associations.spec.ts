import { expect, type Page, test } from './fixtures';
import { expectNoAxeViolations, latestMailTo, logIn, registerThroughApi, uniqueEmail } from './support';

// Associations and volunteers (issue 10). The flows run with and without JavaScript; the axe
// scans (one per page template) only with it.

const password = 'et-langt-kodeord-e2e';

const inDays = (days: number, hour: number) => {
  const date = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(hour)}:00`;
};

// The header's button (on /min-side "Log ud her" matches too), and wait until the sign-out is done:
// a navigation started before it lands can cancel it, and the next log-in then finds a session.
async function logOut(page: Page) {
  await page.getByRole('navigation', { name: 'Din bruger' }).getByRole('button', { name: 'Log ud' }).click();
  await expect(page.getByRole('status')).toContainText('Du er logget ud.');
}

test(
  'an association is registered, invites a member, posts an activity; staff verify and approve it',
  { tag: '@both' },
  async ({ page, baseURL }, testInfo) => {
    const owner = uniqueEmail('ejer');
    const member = uniqueEmail('medlem');
    await registerThroughApi(baseURL, owner, password);
    await registerThroughApi(baseURL, member, password);
    const name = `Sprogcafé ${Math.random().toString(36).slice(2, 8)}`;

    await logIn(page, owner, password);
    await page.goto('/foreninger/ny');
    // A CVR number that fails the check is refused with a message beside the field.
    await page.getByLabel('Foreningens navn').fill(name);
    await page.getByLabel('CVR-nummer (valgfrit)').fill('29189723');
    await page.getByRole('button', { name: 'Opret foreningen' }).click();
    await expect(page.getByText('CVR-nummeret er ikke gyldigt').first()).toBeVisible();
    await page.getByLabel('CVR-nummer (valgfrit)').fill('');
    await page.getByLabel('Tigrinya').check();
    await page.getByRole('button', { name: 'Opret foreningen' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Administrer ${name}`);
    await expect(page.getByText('Foreningen afventer kommunens godkendelse')).toBeVisible();

    // Invite a member.
    await expect(page).toHaveURL(/\/foreninger\/[a-z0-9-]+\/administrer$/);
    const adminUrl = new URL(page.url()).pathname;
    await page.getByLabel('E-mailadresse').fill(member);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.getByText('Invitationen er sendt.')).toBeVisible();

    // Post an activity: it waits for moderation.
    await page.getByRole('link', { name: 'Opret en aktivitet' }).first().click();
    await page.getByLabel('Titel').fill(`Sprogcafé i biblioteket ${name}`);
    await page.getByLabel('Begynder').fill(inDays(9, 16));
    await page.getByLabel('Slutter').fill(inDays(9, 18));
    await page.getByLabel('Adresse', { exact: true }).fill('Biblioteket, Skanderborg');
    await page.getByRole('button', { name: 'Opret aktiviteten' }).click();
    await expect(page.getByText('Aktiviteten venter på godkendelse')).toBeVisible();
    // My page leads back to the association.
    await page.goto('/min-side');
    await page.getByRole('link', { name }).click();
    await expect(page).toHaveURL(adminUrl);
    await logOut(page);

    // The invited member accepts the link.
    const mail = await latestMailTo(baseURL, member);
    const link = mail.match(/http:\/\/[^\s]+\/foreninger\/invitation\/[a-z2-7.]+/)?.[0];
    expect(link).toBeTruthy();
    const invitationPath = new URL(link as string).pathname;
    await logIn(page, member, password);
    await page.goto(invitationPath);
    await page.getByRole('button', { name: 'Tag imod invitationen' }).click();
    await expect(page).toHaveURL(adminUrl);
    await expect(page.getByRole('cell', { name: 'Medlem', exact: true })).toBeVisible();
    await logOut(page);

    // Staff verify the association and approve the activity.
    await logIn(page, 'medarbejder@brobygger.test');
    await page.goto('/admin/moderation');
    await page.getByRole('button', { name: `Godkend ${name}` }).click();
    await expect(page.getByText('Foreningen er godkendt')).toBeVisible();
    await page
      .getByRole('button', { name: `Godkend og offentliggør Sprogcafé i biblioteket ${name}` })
      .click();
    await expect(page.getByText('Aktiviteten er offentliggjort')).toBeVisible();
    await logOut(page);

    // Listed publicly once verified (it was not while pending: see the API tests).
    await page.goto('/foreninger');
    await page.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.getByRole('link', { name: `Sprogcafé i biblioteket ${name}` })).toBeVisible();

    // The association edits it, then cancels it from its management page.
    await logIn(page, owner, password);
    await expect(page).not.toHaveURL(/log-ind/);
    await page.goto(adminUrl);
    await page.getByRole('link', { name: `Ret Sprogcafé i biblioteket ${name}` }).click();
    await page.getByLabel('Titel').fill(`Sprogcafé på biblioteket ${name}`);
    await page.getByRole('button', { name: 'Gem ændringerne' }).click();
    await expect(page.getByText('Ændringerne er gemt.')).toBeVisible();
    if (testInfo.project.name === 'chromium') await expectNoAxeViolations(page);
    await page.goto(adminUrl);
    await page.getByRole('button', { name: `Aflys Sprogcafé på biblioteket ${name}` }).click();
    await expect(page.getByRole('cell', { name: 'Aflyst' })).toBeVisible();
  },
);

test('a volunteer who speaks Tigrinya consents; staff find them and invite them to an event', async ({
  page,
  baseURL,
}, testInfo) => {
  // Each project its own event, so the two runs do not invite each other's volunteer first.
  const eventTitle =
    testInfo.project.name === 'chromium'
      ? 'Inspirationsmøde: Sprogcafé i praksis'
      : 'Fællesspisning og brætspil';
  const volunteer = uniqueEmail('frivillig');
  await registerThroughApi(baseURL, volunteer, password);
  await logIn(page, volunteer, password);
  await page.goto('/frivillig');
  await page.getByLabel('Tigrinya').selectOption('native');
  await page.getByLabel('Tolkning').check();
  await page.getByRole('checkbox', { name: 'Tirsdag Aften' }).check();
  await page.getByLabel('Ja, kommunen må kontakte mig').check();
  await page.getByRole('button', { name: 'Gem profilen' }).click();
  await expect(page.getByText('Din profil er gemt.')).toBeVisible();
  await logOut(page);

  await logIn(page, 'medarbejder@brobygger.test');
  await page.goto('/frivillige');
  await page.getByLabel('Sprog', { exact: true }).selectOption('ti');
  await page.getByLabel('Mindst niveau').selectOption('fluent');
  await page.getByRole('button', { name: 'Find frivillige' }).click();
  const name = `Test ${volunteer.split('@')[0]}`;
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);

  await page.goto('/arrangementer');
  await page.getByRole('link', { name: eventTitle }).click();
  await page.getByRole('link', { name: 'Find frivillige, der taler de rette sprog' }).click();
  await page.getByRole('checkbox', { name: 'tigrinya', exact: true }).check();
  await page.getByRole('button', { name: 'Gem sprogene' }).click();
  await expect(page.getByText('Sprogene er gemt.')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: new RegExp(name) })).toBeChecked();
  await page.getByRole('button', { name: 'Inviter de valgte på e-mail' }).click();
  await expect(page.getByText(/frivillige er inviteret/)).toBeVisible();
  await expect(page.getByRole('checkbox', { name: new RegExp(name) })).toBeDisabled();
  expect(await latestMailTo(baseURL, volunteer)).toContain('/arrangementer/');
});

test.describe('axe on the association and volunteer pages', () => {
  test('the public list and profile have no violations', {
    tag: '@needs-js',
  }, async ({ page }) => {
    await page.goto('/foreninger');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Venner i Skanderborg (demoforening)' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Venner i Skanderborg (demoforening)');
    await expectNoAxeViolations(page);
  });

  test('the association member pages, forms with errors, have no violations', { tag: '@needs-js' }, async ({
    page,
  }) => {
    await logIn(page, 'forening@brobygger.test');
    await expect(page).not.toHaveURL(/log-ind/);
    await page.goto('/foreninger/venner-i-skanderborg/administrer');
    await expectNoAxeViolations(page);
    await page.goto('/foreninger/venner-i-skanderborg/aktiviteter/ny');
    await page.getByRole('button', { name: 'Opret aktiviteten' }).click();
    await expect(page.getByText('Der er problemer med formularen')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto('/foreninger/ny');
    await page.getByRole('button', { name: 'Opret foreningen' }).click();
    await expect(page.getByText('Der er problemer med formularen')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('the volunteer pages have no violations', { tag: '@needs-js' }, async ({ page }) => {
    await logIn(page, 'frivillig@brobygger.test');
    await expect(page).not.toHaveURL(/log-ind/);
    await page.goto('/frivillig');
    await expectNoAxeViolations(page);
    await page.goto('/frivillig/historik');
    await expectNoAxeViolations(page);
    await page.goto('/frivillig/udtalelse');
    await expectNoAxeViolations(page);
  });

  test('staff pages have no violations', { tag: '@needs-js' }, async ({ page }) => {
    await logIn(page, 'medarbejder@brobygger.test');
    await expect(page).not.toHaveURL(/log-ind/);
    await page.goto('/admin/moderation');
    await expectNoAxeViolations(page);
    await page.goto('/frivillige');
    await expectNoAxeViolations(page);
    await page.goto('/arrangementer');
    await page.getByRole('link', { name: 'Koordineringsmøde for frivillige' }).click();
    await page.getByRole('link', { name: 'Find frivillige, der taler de rette sprog' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Frivillige til');
    await expectNoAxeViolations(page);
  });

  test('an invitation link has no violations', { tag: '@needs-js' }, async ({ page, baseURL }) => {
    const invited = uniqueEmail('inviteret');
    await logIn(page, 'forening@brobygger.test');
    await page.goto('/foreninger/venner-i-skanderborg/administrer');
    await page.getByLabel('E-mailadresse').fill(invited);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.getByText('Invitationen er sendt.')).toBeVisible();
    const link = (await latestMailTo(baseURL, invited)).match(/\/foreninger\/invitation\/[a-z2-7.]+/)?.[0];
    await page.goto(link as string);
    await expect(page.getByRole('button', { name: 'Tag imod invitationen' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
