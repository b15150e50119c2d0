// The Danish catalogue is the source of truth: its keys define `MessageKey`, and every other
// language must translate exactly these keys. `{name}` marks a value filled in by `t()`.
export const da = {
  'site.name': 'Brobygger — Skanderborg Kommune',
  'site.authority': 'Skanderborg Kommune',
  'site.description':
    'Brobygger samler Skanderborg Kommunes integrationsindsats: politikkens fokusområder, tovholdere, samarbejdspartnere og indsatser.',
  'site.titleTemplate': '{page} · Brobygger — Skanderborg Kommune',

  'header.unit': 'Integration og videndeling',

  'skipLink.text': 'Gå til sidens indhold',

  'nav.label': 'Hovedmenu',
  'nav.home': 'Forside',
  'nav.focusAreas': 'Fokusområder',
  'breadcrumbs.label': 'Brødkrummesti',

  'language.label': 'Vælg sprog',
  'language.da': 'Dansk',
  'language.en': 'English',

  'footer.authority': 'Skanderborg Kommune',
  'footer.address': 'Adelgade 44, 8660 Skanderborg',
  'footer.phone': 'Telefon {phone}',
  'footer.email': 'E-mail: {email}',
  'footer.aboutHeading': 'Om Brobygger',
  'footer.about':
    'Brobygger gør viden og indsatser fra kommunens integrationspolitik lette at finde for alle, der arbejder med integration — medarbejdere, frivillige og foreninger.',
  'footer.linksHeading': 'Genveje',
  'footer.accessibility': 'Tilgængelighedserklæring',
  'footer.focusAreas': 'Politikkens fokusområder',

  'kind.focus-area': 'Fokusområde',
  'kind.target-group': 'Målgruppe',

  'home.title': 'Forside',
  'home.heading': 'Sammen om integration i Skanderborg Kommune',
  'home.lead':
    'Her finder du kommunens integrationspolitik for {from}–{to}: hvad vi vil opnå, hvem der har ansvaret for de enkelte områder, og hvilke indsatser der er sat i gang.',
  'home.visionHeading': 'Politikkens vision',
  'home.visionSource': 'Integrationspolitik {from}–{to}, {municipality}',
  'home.focusAreasHeading': 'Fokusområder og målgrupper',
  'home.focusAreasIntro':
    'Politikken samler indsatsen i seks områder: tre tværgående fokusområder og tre målgrupper. Hvert område har en tovholder, som koordinerer arbejdet med samarbejdspartnerne.',
  'home.allFocusAreas': 'Se alle fokusområder',
  'home.followUpHeading': 'Sådan følges politikken op',
  'home.followUpIntro': 'Tovholderen for hvert område skal:',
  'home.statusReports': '{audience} får en status fra hvert område i {months} hvert år.',

  'focusAreas.title': 'Fokusområder',
  'focusAreas.heading': 'Fokusområder og målgrupper',
  'focusAreas.lead':
    'Integrationspolitikken {from}–{to} arbejder med tre tværgående fokusområder og tre målgrupper. Vælg et område for at se mål, tovholder, samarbejdspartnere og indsatser.',
  'focusAreas.focusAreasHeading': 'Tværgående fokusområder',
  'focusAreas.targetGroupsHeading': 'Målgrupper',

  'focusArea.whyHeading': 'Hvorfor er området vigtigt?',
  'focusArea.aimsHeading': 'Det vil vi',
  'focusArea.initiativesHeading': 'Indsatser',
  'focusArea.initiativesIntro': 'Indsatser, som politikken nævner for området (opgjort i {years}):',
  'focusArea.initiativesEmpty': 'Der er endnu ikke registreret indsatser for området.',
  'focusArea.alsoUnder': 'Hører også under:',
  'focusArea.tracksHeading': 'Strategispor',
  'focusArea.tracksIntro': 'Området bidrager til disse af politikkens strategispor:',
  'focusArea.leadHeading': 'Tovholder',
  'focusArea.leadUnit': 'Ansvarlig enhed',
  'focusArea.reportsTo': 'Refererer til',
  'focusArea.partnersHeading': 'Samarbejdspartnere',
  'focusArea.partnersEmpty': 'Der er ikke angivet samarbejdspartnere.',
  'focusArea.dutiesHeading': 'Tovholderens opgaver',
  'focusArea.backToList': 'Tilbage til alle fokusområder',

  'accessibility.title': 'Tilgængelighedserklæring',
  'accessibility.heading': 'Tilgængelighedserklæring for Brobygger',
  'accessibility.intro':
    'Skanderborg Kommune ønsker, at alle kan bruge Brobygger. Vi arbejder for at gøre webstedet tilgængeligt i overensstemmelse med lov om tilgængelighed af offentlige organers websteder og mobilapplikationer.',
  'accessibility.scope': 'Erklæringen gælder for {site}.',
  'accessibility.complianceHeading': 'Overholdelsesstatus',
  'accessibility.compliance':
    'Webstedet er udviklet til at overholde standarden WCAG 2.1 på niveau AA (Web Content Accessibility Guidelines), som loven kræver via den europæiske standard EN 301 549.',
  'accessibility.knownIssuesHeading': 'Ikke-tilgængeligt indhold',
  'accessibility.knownIssues':
    'Vi kender på nuværende tidspunkt ikke til indhold, der ikke er tilgængeligt. Finder du noget, vil vi gerne høre om det.',
  'accessibility.methodHeading': 'Sådan har vi vurderet tilgængeligheden',
  'accessibility.method':
    'Vurderingen er en selvevaluering. Hver side testes automatisk for WCAG 2.1 A og AA med værktøjet axe, hver gang webstedet ændres, og vi tester manuelt med tastatur og uden JavaScript.',
  'accessibility.features': 'Det kan du forvente:',
  'accessibility.featureKeyboard': 'Alle funktioner kan bruges med tastatur, og fokus er altid synligt.',
  'accessibility.featureSkipLink': 'Et link øverst på siden fører direkte til indholdet.',
  'accessibility.featureNoJs': 'Webstedet virker også uden JavaScript.',
  'accessibility.featureLanguage': 'Siderne kan læses på dansk og engelsk.',
  'accessibility.feedbackHeading': 'Feedback og kontaktoplysninger',
  'accessibility.feedback':
    'Oplever du problemer med tilgængeligheden, eller mangler du oplysninger i en tilgængelig form, så kontakt Skanderborg Kommune:',
  'accessibility.enforcementHeading': 'Håndhævelsesprocedure',
  'accessibility.enforcement':
    'Digitaliseringsstyrelsen fører tilsyn med, at offentlige websteder overholder loven. Er du ikke tilfreds med vores svar, kan du klage til Digitaliseringsstyrelsen.',
  'accessibility.enforcementLink': 'Læs om webtilgængelighed hos Digitaliseringsstyrelsen',
  'accessibility.updated': 'Erklæringen er senest opdateret {date}.',

  'notFound.title': 'Siden blev ikke fundet',
  'notFound.heading': 'Siden blev ikke fundet',
  'notFound.text':
    'Vi kan ikke finde den side, du leder efter. Måske er adressen skrevet forkert, eller også er siden flyttet eller slettet.',
  'notFound.focusAreaText':
    'Vi kender ikke et fokusområde med den adresse. Se listen over alle fokusområder.',
  'notFound.suggestions': 'Du kan i stedet gå til:',

  'error.title': 'Der opstod en fejl',
  'error.heading': 'Der opstod en fejl',
  'error.text':
    'Noget gik galt hos os, og siden kunne ikke vises. Prøv igen om lidt. Hvis fejlen bliver ved, er du velkommen til at kontakte os.',
  'error.tryAgain': 'Gå til forsiden',
} as const satisfies Record<string, string>;
