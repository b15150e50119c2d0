import type { Catalogue } from './catalogue';

export const en: Catalogue = {
  'site.name': 'Brobygger — Skanderborg Municipality',
  'site.authority': 'Skanderborg Municipality',
  'site.description':
    "Brobygger brings together Skanderborg Municipality's integration work: the policy's focus areas, lead owners, partners and initiatives.",
  'site.titleTemplate': '{page} · Brobygger — Skanderborg Municipality',

  'header.unit': 'Integration and knowledge sharing',

  'skipLink.text': 'Skip to main content',

  'nav.label': 'Main menu',
  'nav.home': 'Home',
  'nav.focusAreas': 'Focus areas',
  'breadcrumbs.label': 'Breadcrumb',

  'language.label': 'Choose language',
  'language.da': 'Dansk',
  'language.en': 'English',

  'footer.authority': 'Skanderborg Municipality',
  'footer.address': 'Adelgade 44, 8660 Skanderborg, Denmark',
  'footer.phone': 'Phone {phone}',
  'footer.email': 'Email: {email}',
  'footer.aboutHeading': 'About Brobygger',
  'footer.about':
    "Brobygger makes the knowledge and initiatives of the municipality's integration policy easy to find for everyone who works with integration — staff, volunteers and associations.",
  'footer.linksHeading': 'Shortcuts',
  'footer.accessibility': 'Accessibility statement',
  'footer.focusAreas': "The policy's focus areas",

  'kind.focus-area': 'Focus area',
  'kind.target-group': 'Target group',

  'home.title': 'Home',
  'home.heading': 'Working together on integration in Skanderborg',
  'home.lead':
    "Here you will find the municipality's integration policy for {from}–{to}: what we want to achieve, who is responsible for each area, and which initiatives are under way.",
  'home.visionHeading': "The policy's vision",
  'home.visionSource': 'Integration policy {from}–{to}, {municipality}',
  'home.focusAreasHeading': 'Focus areas and target groups',
  'home.focusAreasIntro':
    'The policy organises the work in six areas: three cross-cutting focus areas and three target groups. Each area has a lead owner who coordinates the work with its partners.',
  'home.allFocusAreas': 'See all focus areas',
  'home.followUpHeading': 'How the policy is followed up',
  'home.followUpIntro': 'The lead owner of each area must:',
  'home.statusReports': '{audience} receives a status report from every area in {months} each year.',

  'focusAreas.title': 'Focus areas',
  'focusAreas.heading': 'Focus areas and target groups',
  'focusAreas.lead':
    'The integration policy {from}–{to} works with three cross-cutting focus areas and three target groups. Choose an area to see its aims, lead owner, partners and initiatives.',
  'focusAreas.focusAreasHeading': 'Cross-cutting focus areas',
  'focusAreas.targetGroupsHeading': 'Target groups',

  'focusArea.whyHeading': 'Why this area matters',
  'focusArea.aimsHeading': 'What we want to achieve',
  'focusArea.initiativesHeading': 'Initiatives',
  'focusArea.initiativesIntro': 'Initiatives the policy lists for this area (as of {years}):',
  'focusArea.initiativesEmpty': 'No initiatives have been registered for this area yet.',
  'focusArea.alsoUnder': 'Also part of:',
  'focusArea.tracksHeading': 'Strategy tracks',
  'focusArea.tracksIntro': "This area contributes to these of the policy's strategy tracks:",
  'focusArea.leadHeading': 'Lead owner',
  'focusArea.leadUnit': 'Responsible unit',
  'focusArea.reportsTo': 'Reports to',
  'focusArea.partnersHeading': 'Partners',
  'focusArea.partnersEmpty': 'No partners have been listed.',
  'focusArea.dutiesHeading': "The lead owner's duties",
  'focusArea.backToList': 'Back to all focus areas',

  'accessibility.title': 'Accessibility statement',
  'accessibility.heading': 'Accessibility statement for Brobygger',
  'accessibility.intro':
    'Skanderborg Municipality wants everyone to be able to use Brobygger. We work to make the website accessible in accordance with the Danish Act on the accessibility of public sector bodies’ websites and mobile applications.',
  'accessibility.scope': 'This statement applies to {site}.',
  'accessibility.complianceHeading': 'Compliance status',
  'accessibility.compliance':
    'The website is built to conform to WCAG 2.1 level AA (Web Content Accessibility Guidelines), as the law requires through the European standard EN 301 549.',
  'accessibility.knownIssuesHeading': 'Non-accessible content',
  'accessibility.knownIssues':
    'We currently know of no content that is not accessible. If you find any, we would like to hear about it.',
  'accessibility.methodHeading': 'How we assessed accessibility',
  'accessibility.method':
    'The assessment is a self-evaluation. Every page is tested automatically against WCAG 2.1 A and AA with the axe tool whenever the website changes, and we test manually with the keyboard and without JavaScript.',
  'accessibility.features': 'What you can expect:',
  'accessibility.featureKeyboard': 'Everything can be used with a keyboard, and focus is always visible.',
  'accessibility.featureSkipLink': 'A link at the top of each page leads straight to the content.',
  'accessibility.featureNoJs': 'The website also works without JavaScript.',
  'accessibility.featureLanguage': 'The pages can be read in Danish and English.',
  'accessibility.feedbackHeading': 'Feedback and contact information',
  'accessibility.feedback':
    'If you experience accessibility problems, or need information in an accessible format, please contact Skanderborg Municipality:',
  'accessibility.enforcementHeading': 'Enforcement procedure',
  'accessibility.enforcement':
    'The Danish Agency for Digital Government supervises that public websites comply with the law. If you are not satisfied with our answer, you can complain to the agency.',
  'accessibility.enforcementLink': 'Read about web accessibility at the Agency for Digital Government',
  'accessibility.updated': 'This statement was last updated on {date}.',

  'notFound.title': 'Page not found',
  'notFound.heading': 'Page not found',
  'notFound.text':
    'We cannot find the page you are looking for. The address may be mistyped, or the page may have been moved or deleted.',
  'notFound.focusAreaText': 'We do not know a focus area at that address. See the list of all focus areas.',
  'notFound.suggestions': 'You can go to:',

  'error.title': 'Something went wrong',
  'error.heading': 'Something went wrong',
  'error.text':
    'Something went wrong on our side and the page could not be shown. Please try again in a moment. If the problem persists, you are welcome to contact us.',
  'error.tryAgain': 'Go to the front page',
};
