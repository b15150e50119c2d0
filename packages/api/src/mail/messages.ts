import type { OutgoingEmail } from '@brobygger/db';

/** The text of each email we send (Danish; plain text, so nothing in it can be HTML-injected). */
const signature = '\n\nVenlig hilsen\nBrobygger – Skanderborg Kommune';

export function verifyEmailMessage(to: string, displayName: string, link: string): OutgoingEmail {
  return {
    to,
    kind: 'verify-email',
    subject: 'Bekræft din e-mailadresse til Brobygger',
    text: `Hej ${displayName}\n\nTak fordi du har oprettet en bruger på Brobygger. Bekræft din e-mailadresse ved at åbne linket herunder (det virker i 48 timer og kun én gang):\n\n${link}\n\nHar du ikke oprettet en bruger, kan du se bort fra denne e-mail.${signature}`,
  };
}

export function alreadyRegisteredMessage(to: string, resetLink: string): OutgoingEmail {
  return {
    to,
    kind: 'already-registered',
    subject: 'Nogen forsøgte at oprette en bruger med din e-mailadresse',
    text: `Hej\n\nNogen – måske dig – forsøgte at oprette en ny bruger på Brobygger med denne e-mailadresse, men du har allerede en bruger.\n\nHar du glemt din adgangskode, kan du vælge en ny her:\n${resetLink}\n\nVar det ikke dig, behøver du ikke gøre noget.${signature}`,
  };
}

export function resetPasswordMessage(to: string, link: string): OutgoingEmail {
  return {
    to,
    kind: 'reset-password',
    subject: 'Vælg en ny adgangskode til Brobygger',
    text: `Hej\n\nDu har bedt om at vælge en ny adgangskode. Åbn linket herunder (det virker i 1 time og kun én gang):\n\n${link}\n\nHar du ikke bedt om det, kan du se bort fra denne e-mail – din adgangskode er uændret.${signature}`,
  };
}

export function passwordChangedMessage(to: string): OutgoingEmail {
  return {
    to,
    kind: 'password-changed',
    subject: 'Din adgangskode til Brobygger er ændret',
    text: `Hej\n\nAdgangskoden til din bruger på Brobygger er netop blevet ændret, og du er logget ud alle andre steder.\n\nVar det ikke dig, så vælg en ny adgangskode med det samme via "Glemt adgangskode" og kontakt Integrationsteamet.${signature}`,
  };
}
