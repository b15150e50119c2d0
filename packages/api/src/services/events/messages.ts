import type { OutgoingEmail } from '@brobygger/db';
import { eventTimeZone } from '@brobygger/domain';

// The mail of the events feature (Danish, plain text: nothing in it can be HTML-injected).
const signature = '\n\nVenlig hilsen\nBrobygger – Skanderborg Kommune';

export interface EventForMail {
  id: number;
  title: string;
  startsAt: Date;
  endsAt: Date;
  address: string | null;
  onlineUrl: string | null;
}

const when = (date: Date) =>
  new Intl.DateTimeFormat('da-DK', { timeZone: eventTimeZone, dateStyle: 'full', timeStyle: 'short' }).format(
    date,
  );

function facts(event: EventForMail, publicUrl: string) {
  const lines = [`Hvornår: ${when(event.startsAt)} – ${when(event.endsAt)}`];
  if (event.address) lines.push(`Hvor: ${event.address}`);
  if (event.onlineUrl) lines.push(`Online: ${event.onlineUrl}`);
  lines.push(`Se arrangementet: ${publicUrl}/arrangementer/${event.id}`);
  return lines.join('\n');
}

export function signedUpMessage(
  to: string,
  name: string,
  event: EventForMail,
  publicUrl: string,
): OutgoingEmail {
  return {
    to,
    kind: 'event-signed-up',
    subject: `Du er tilmeldt: ${event.title}`,
    text: `Hej ${name}\n\nDu har fået en plads til "${event.title}".\n\n${facts(event, publicUrl)}\n\nKan du ikke komme alligevel, så meld fra på arrangementets side, så en anden kan få pladsen.${signature}`,
  };
}

export function waitlistedMessage(
  to: string,
  name: string,
  event: EventForMail,
  position: number,
  publicUrl: string,
): OutgoingEmail {
  return {
    to,
    kind: 'event-waitlisted',
    subject: `Du er på venteliste: ${event.title}`,
    text: `Hej ${name}\n\n"${event.title}" er fuldt booket, så du står på ventelisten som nummer ${position}. Bliver en plads ledig, får du den automatisk og besked med det samme.\n\n${facts(event, publicUrl)}${signature}`,
  };
}

export function promotedMessage(
  to: string,
  name: string,
  event: EventForMail,
  publicUrl: string,
  /** A guest's own link (a fresh one, which replaces the link of their earlier mails). */
  guestLink?: string,
): OutgoingEmail {
  const cancel = guestLink
    ? `Din tilmelding (med kode til indtjekning, og hvor du kan melde afbud):\n${guestLink}\n\nLinket erstatter det, du fik tidligere. Kan du ikke komme, så meld afbud der, så den næste på ventelisten kan få pladsen.`
    : 'Kan du ikke komme, så meld fra på arrangementets side, så den næste på ventelisten kan få pladsen.';
  return {
    to,
    kind: 'event-promoted',
    subject: `Du har fået en plads: ${event.title}`,
    text: `Hej ${name}\n\nEn plads er blevet ledig, og du er rykket op fra ventelisten. Du er nu tilmeldt "${event.title}".\n\n${facts(event, publicUrl)}\n\n${cancel}${signature}`,
  };
}

export function eventChangedMessage(
  to: string,
  name: string,
  event: EventForMail,
  publicUrl: string,
): OutgoingEmail {
  return {
    to,
    kind: 'event-changed',
    subject: `Ændret tid eller sted: ${event.title}`,
    text: `Hej ${name}\n\n"${event.title}", som du er tilmeldt, har fået ny tid eller nyt sted. Sådan ser det ud nu:\n\n${facts(event, publicUrl)}\n\nKan du ikke komme nu, så meld fra på arrangementets side.${signature}`,
  };
}

export function eventCancelledMessage(
  to: string,
  name: string,
  event: EventForMail,
  publicUrl: string,
): OutgoingEmail {
  return {
    to,
    kind: 'event-cancelled',
    subject: `Aflyst: ${event.title}`,
    text: `Hej ${name}\n\nVi må desværre aflyse "${event.title}", som du var tilmeldt.\n\n${facts(event, publicUrl)}\n\nSe andre arrangementer på ${publicUrl}/arrangementer${signature}`,
  };
}
