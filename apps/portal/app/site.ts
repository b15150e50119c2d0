/** Facts about the site owner shown in the footer and the accessibility statement. */
export const site = {
  phone: '87 94 70 00',
  phoneHref: 'tel:+4587947000',
  email: 'skanderborg.kommune@skanderborg.dk',
  accessibilityStatementUpdated: '2026-11-26',
  webAccessibilityAuthorityUrl: 'https://digst.dk/digital-inklusion/webtilgaengelighed/',
} as const;
