import type { OutgoingEmail } from '@brobygger/db';
import { eventTimeZone } from '@brobygger/domain';

const signature = '\n\nVenlig hilsen\nBrobygger – Skanderborg Kommune';
const when = (date: Date) =>
  new Intl.DateTimeFormat('da-DK', { timeZone: eventTimeZone, dateStyle: 'full', timeStyle: 'short' }).format(
    date,
  );

/** Staff invite a volunteer whose languages an event needs: a sign-up link. */
export function volunteerInvitationMessage(
  to: string,
  name: string,
  event: { id: number; title: string; startsAt: Date; address: string | null },
  languages: string,
  publicUrl: string,
): OutgoingEmail {
  const where = event.address ? `\nHvor: ${event.address}` : '';
  return {
    to,
    kind: 'volunteer-invitation',
    subject: `Vil du hjælpe som frivillig? ${event.title}`,
    text: `Hej ${name}\n\nVi søger frivillige, der taler ${languages}, til "${event.title}".\n\nHvornår: ${when(event.startsAt)}${where}\n\nHar du lyst og tid, kan du tilmelde dig her:\n${publicUrl}/arrangementer/${event.id}\n\nDu får denne e-mail, fordi du har givet samtykke til, at kommunen må kontakte dig som frivillig. Du kan trække samtykket tilbage på ${publicUrl}/frivillig.${signature}`,
  };
}
