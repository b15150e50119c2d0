import type { OutgoingEmail } from '@brobygger/db';
import type { ReminderKind } from '@brobygger/domain';

/** The status-report mail (issue 13), Danish plain text like the rest of our mail. */
const signature = '\n\nVenlig hilsen\nBrobygger – Skanderborg Kommune';

const copenhagen = new Intl.DateTimeFormat('da-DK', {
  timeZone: 'Europe/Copenhagen',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** The last day to file, as people say it (the deadline instant is midnight after it). */
export function lastDayText(deadline: Date): string {
  return copenhagen.format(new Date(deadline.getTime() - 1000));
}

export function reportReminderMessage(
  to: string,
  input: { kind: ReminderKind; areaName: string; periodKey: string; deadline: Date; link: string },
): OutgoingEmail {
  const lastDay = lastDayText(input.deadline);
  const subject =
    input.kind === 'overdue'
      ? `Statusrapporten for ${input.areaName} (${input.periodKey}) mangler`
      : `Påmindelse: statusrapporten for ${input.areaName} skal indsendes senest ${lastDay}`;
  const lead =
    input.kind === 'overdue'
      ? `Fristen for statusrapporten for ${input.areaName} for perioden ${input.periodKey} var ${lastDay}, og rapporten er ikke indsendt. Du kan stadig indsende den, indtil styregruppen lukker perioden.`
      : `Statusrapporten for ${input.areaName} for perioden ${input.periodKey} skal indsendes til styregruppen senest ${lastDay}.`;
  return {
    to,
    kind: `status-reminder-${input.kind}`,
    subject,
    text: `Hej\n\n${lead}\n\nSkriv og indsend rapporten her:\n${input.link}${signature}`,
  };
}

export function reportSubmittedMessage(
  to: string,
  input: { areaName: string; periodKey: string; resubmission: boolean; link: string },
): OutgoingEmail {
  const what = input.resubmission ? 'indsendt igen' : 'indsendt';
  return {
    to,
    kind: 'status-report-submitted',
    subject: `Statusrapport ${what}: ${input.areaName} (${input.periodKey})`,
    text: `Hej\n\nTovholderen for ${input.areaName} har ${what} statusrapporten for perioden ${input.periodKey}. Læs den, og kvittér eller send den retur med en kommentar:\n${input.link}${signature}`,
  };
}

export function reportReturnedMessage(
  to: string,
  input: { areaName: string; periodKey: string; comment: string; link: string },
): OutgoingEmail {
  return {
    to,
    kind: 'status-report-returned',
    subject: `Statusrapporten for ${input.areaName} (${input.periodKey}) er sendt retur`,
    text: `Hej\n\nStyregruppen har sendt statusrapporten for ${input.areaName} for perioden ${input.periodKey} retur med denne kommentar:\n\n${input.comment}\n\nRet rapporten og indsend den igen:\n${input.link}${signature}`,
  };
}
