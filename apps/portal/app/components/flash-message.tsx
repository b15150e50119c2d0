import { Alert } from '@brobygger/ui';
import { useSearchParams } from '@remix-run/react';
import type { MessageKey } from '../i18n';
import { useTranslation } from '../i18n/use-translation';

// `?besked=<key>` after a redirect says what just happened. Only these keys: the URL cannot be
// used to put words on the page.
const messages = {
  'logget-ud': 'flash.loggedOut',
  'konto-slettet': 'flash.accountDeleted',
  'adgangskode-aendret': 'flash.passwordChanged',
  'adgangskode-nulstillet': 'flash.passwordReset',
  'session-afsluttet': 'flash.sessionEnded',
  'bekraeftelse-sendt': 'flash.verificationSent',
  'totp-slaaet-fra': 'flash.totpDisabled',
  'rolle-tildelt': 'flash.roleGranted',
  'rolle-fjernet': 'flash.roleRevoked',
  'bruger-deaktiveret': 'flash.userDisabled',
  'bruger-aktiveret': 'flash.userEnabled',
  'job-proevet-igen': 'flash.jobRetried',
  // Status reports (issue 13)
  'periode-lukket': 'flash.periodClosed',
  'rapport-gemt': 'flash.reportSaved',
  'rapport-slettet': 'flash.reportDeleted',
  'bilag-fjernet': 'flash.reportFileRemoved',
  'rapport-indsendt': 'flash.reportSubmitted',
  'rapport-kvitteret': 'flash.reportAcknowledged',
  'rapport-sendt-retur': 'flash.reportReturned',
  'kommentar-gemt': 'flash.commentSaved',
  'beskrivelse-gemt': 'flash.descriptionSaved',
  'indsats-gemt': 'flash.initiativeSaved',
  // Events and sign-up
  tilmeldt: 'flash.signedUp',
  venteliste: 'flash.waitlisted',
  'meldt-fra': 'flash.signUpCancelled',
  'arrangement-gemt': 'flash.eventSaved',
  'arrangement-offentliggjort': 'flash.eventPublished',
  'arrangement-aflyst': 'flash.eventCancelled',
  // Knowledge: resource library and forum (issue 11)
  'ressource-gemt': 'flash.resourceSaved',
  'ressource-gennemset': 'flash.resourceReviewed',
  'udgave-gendannet': 'flash.revisionRestored',
  'forslag-godkendt': 'flash.suggestionAccepted',
  'forslag-afvist': 'flash.suggestionRejected',
  'vedhaeftning-fjernet': 'flash.attachmentRemoved',
  'indlaeg-anmeldt': 'flash.postFlagged',
} as const satisfies Record<string, MessageKey>;

export type FlashKey = keyof typeof messages;

export function flashUrl(path: string, key: FlashKey): string {
  return `${path}${path.includes('?') ? '&' : '?'}besked=${key}`;
}

export function FlashMessage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const key = searchParams.get('besked');
  if (!key || !Object.hasOwn(messages, key)) return null;
  return (
    <Alert variant="success" role="status" className="flash-message">
      <p>{t(messages[key as FlashKey])}</p>
    </Alert>
  );
}
