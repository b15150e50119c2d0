import type { OutgoingEmail } from '@brobygger/db';

// The events extras' emails (issue 9): reminders and guest links. Danish, plain text.
const signature = '\n\nVenlig hilsen\nBrobygger – Skanderborg Kommune';
const timeZone = 'Europe/Copenhagen';

/** "tirsdag den 10. november 2026 kl. 19.00–21.00" in Europe/Copenhagen. */
export function formatEventTime(start: Date, end: Date): string {
  const date = new Intl.DateTimeFormat('da-DK', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const time = new Intl.DateTimeFormat('da-DK', { timeZone, hour: '2-digit', minute: '2-digit' });
  const sameDay = date.format(start) === date.format(end);
  return sameDay
    ? `${date.format(start)} kl. ${time.format(start)}–${time.format(end)}`
    : `${date.format(start)} kl. ${time.format(start)} til ${date.format(end)} kl. ${time.format(end)}`;
}

export interface EventMailFacts {
  title: string;
  startsAt: Date;
  endsAt: Date;
  address: string | null;
  onlineUrl: string | null;
  pageUrl: string;
}

function place(event: EventMailFacts): string {
  return [
    event.address ? `Sted: ${event.address}` : null,
    event.onlineUrl ? `Online: ${event.onlineUrl}` : null,
  ]
    .filter(Boolean)
    .join('\n');
}

export function eventReminderMessage(
  to: string,
  name: string,
  event: EventMailFacts,
  extra: { checkInCode?: string | null; cancelUrl: string },
): OutgoingEmail {
  const code = extra.checkInCode ? `\n\nDin kode til indtjekning: ${extra.checkInCode}` : '';
  return {
    to,
    kind: 'event-reminder',
    subject: `Påmindelse: ${event.title}`,
    text: `Hej ${name}\n\nDu er tilmeldt ${event.title}\n${formatEventTime(event.startsAt, event.endsAt)}\n${place(event)}\n\nSe arrangementet: ${event.pageUrl}${code}\n\nKan du ikke komme alligevel, så meld afbud, så en anden kan få din plads:\n${extra.cancelUrl}${signature}`,
  };
}

export function guestConfirmMessage(
  to: string,
  name: string,
  event: EventMailFacts,
  link: string,
  expiresAt: Date,
): OutgoingEmail {
  return {
    to,
    kind: 'event-guest-confirm',
    subject: `Bekræft din tilmelding: ${event.title}`,
    text: `Hej ${name}\n\nDu har bedt om at blive tilmeldt ${event.title}\n${formatEventTime(event.startsAt, event.endsAt)}\n${place(event)}\n\nBekræft tilmeldingen ved at åbne linket herunder. Først når du har bekræftet, er du med – og tilmeldingen bortfalder, hvis den ikke er bekræftet ${formatEventTime(expiresAt, expiresAt).replace(/–.*$/, '')}.\n\n${link}\n\nSamme link kan du bruge til at melde afbud senere.\n\nHar du ikke bedt om det, kan du se bort fra denne e-mail.${signature}`,
  };
}

export function guestConfirmedMessage(
  to: string,
  name: string,
  event: EventMailFacts,
  status: 'confirmed' | 'waitlisted',
  link: string,
  position?: number,
): OutgoingEmail {
  const state =
    status === 'confirmed'
      ? 'Du har fået en plads.'
      : `Der er ikke flere ledige pladser, så du står på venteliste som nummer ${position}. Vi skriver til dig, hvis du får en plads.`;
  return {
    to,
    kind: 'event-guest-confirmed',
    subject: `Tilmeldt: ${event.title}`,
    text: `Hej ${name}\n\nTak – din tilmelding til ${event.title} er bekræftet. ${state}\n${formatEventTime(event.startsAt, event.endsAt)}\n${place(event)}\n\nDin tilmelding (med kode til indtjekning, og hvor du kan melde afbud):\n${link}\n\nArrangementet er vedhæftet som kalenderfil.${signature}`,
  };
}
