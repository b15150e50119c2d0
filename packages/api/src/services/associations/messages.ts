import type { OutgoingEmail } from '@brobygger/db';

// The mail of associations and activities (Danish, plain text: nothing in it can be HTML-injected).
const signature = '\n\nVenlig hilsen\nBrobygger – Skanderborg Kommune';

export function invitationMessage(
  to: string,
  association: string,
  inviter: string,
  role: 'admin' | 'member',
  link: string,
): OutgoingEmail {
  const as = role === 'admin' ? 'administrator' : 'medlem';
  return {
    to,
    kind: 'association-invitation',
    subject: `Invitation til ${association}`,
    text: `Hej\n\n${inviter} har inviteret dig til at blive ${as} af "${association}" på Brobygger.\n\nFølg linket og log ind (eller opret en bruger) med denne e-mailadresse for at tage imod invitationen. Linket kan bruges én gang og udløber om 14 dage:\n${link}\n\nKender du ikke afsenderen, kan du se bort fra denne e-mail.${signature}`,
  };
}

export function associationVerifiedMessage(to: string, association: string, link: string): OutgoingEmail {
  return {
    to,
    kind: 'association-verified',
    subject: `${association} er godkendt`,
    text: `Hej\n\nKommunen har godkendt "${association}", som nu står på listen over foreninger:\n${link}\n\nDe første tre aktiviteter, I opretter, bliver set igennem af en medarbejder, før de offentliggøres.${signature}`,
  };
}

export function activityApprovedMessage(
  to: string,
  name: string,
  title: string,
  link: string,
): OutgoingEmail {
  return {
    to,
    kind: 'activity-approved',
    subject: `Aktiviteten er offentliggjort: ${title}`,
    text: `Hej ${name}\n\nAktiviteten "${title}" er godkendt og offentliggjort:\n${link}${signature}`,
  };
}

export function activityRejectedMessage(
  to: string,
  name: string,
  title: string,
  reason: string,
  unpublished: boolean,
): OutgoingEmail {
  const what = unpublished ? 'er taget af portalen igen' : 'er ikke godkendt';
  return {
    to,
    kind: unpublished ? 'activity-unpublished' : 'activity-rejected',
    subject: `Aktiviteten ${what}: ${title}`,
    text: `Hej ${name}\n\nAktiviteten "${title}" ${what}.\n\nBegrundelse:\n${reason || '(ingen begrundelse angivet)'}\n\nI er velkomne til at rette aktiviteten til og oprette den igen, eller skrive til kommunen, hvis I har spørgsmål.${signature}`,
  };
}
