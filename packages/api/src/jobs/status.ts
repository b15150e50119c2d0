import {
  claimStatusNotification,
  enqueueEmail,
  enqueueJob,
  listFocusAreaRefs,
  listLeadOwners,
  listPeriodClosures,
  listReportsOfPeriods,
} from '@brobygger/db';
import {
  datedPeriod,
  defaultReportingRules,
  latePeriodFor,
  openPeriodFor,
  parsePeriodKey,
  type ReminderKind,
  type ReportingRules,
  reminderDates,
  reminderKinds,
  submittedStates,
} from '@brobygger/domain';
import type { JobDefinition } from '@brobygger/jobs';
import { z } from 'zod';
import { reportReminderMessage } from '../mail/status-messages.ts';

export const statusReminderScanType = 'status.reminder-scan';
export const statusReminderType = 'status.reminder';

export interface StatusJobsOptions {
  publicUrl: string;
  rules?: ReportingRules;
}

export const reminderKey = (focusArea: string, period: string, kind: ReminderKind) =>
  `${statusReminderType}:${focusArea}:${period}:${kind}`;

/**
 * Recurring (hourly): finds the reminders that are due and enqueues one job per area, period and
 * kind, under a unique key, so however many processes scan, each reminder is enqueued once.
 * Of the open period's two early reminders only the latest due one is sent (a server started
 * on the 13th sends the 3-day reminder, not both); the overdue one follows the deadline.
 */
export function statusReminderScanJob(options: StatusJobsOptions): JobDefinition {
  const rules = options.rules ?? defaultReportingRules;
  return {
    type: statusReminderScanType,
    async handler(_payload, { db, now }) {
      const open = openPeriodFor(now, rules);
      const late = latePeriodFor(now, rules);
      const [areas, reports, closed] = await Promise.all([
        listFocusAreaRefs(db),
        listReportsOfPeriods(db, [open.key, late.key]),
        listPeriodClosures(db),
      ]);
      const filed = (areaId: number, key: string) =>
        reports.some(
          (report) =>
            report.focusAreaId === areaId &&
            report.periodKey === key &&
            submittedStates.includes(report.state as (typeof submittedStates)[number]),
        );
      const dates = reminderDates(open, rules);
      const early = (['3-days', '14-days'] as const).find((kind) => dates[kind] <= now);
      for (const area of areas) {
        if (early && !filed(area.id, open.key)) {
          await enqueueJob(db, {
            type: statusReminderType,
            payload: { focusArea: area.slug, period: open.key, kind: early },
            key: reminderKey(area.slug, open.key, early),
          });
        }
        if (!closed.has(late.key) && !filed(area.id, late.key)) {
          await enqueueJob(db, {
            type: statusReminderType,
            payload: { focusArea: area.slug, period: late.key, kind: 'overdue' },
            key: reminderKey(area.slug, late.key, 'overdue'),
          });
        }
      }
    },
  };
}

/**
 * One reminder to the lead owners of one area. Idempotent: each recipient's mail is written in
 * one transaction with a marker under a unique key, so a job run twice mails no one twice; a report
 * submitted (or a period closed) in the meantime makes it do nothing.
 */
export function statusReminderJob(
  options: StatusJobsOptions,
): JobDefinition<{ focusArea: string; period: string; kind: ReminderKind }> {
  const rules = options.rules ?? defaultReportingRules;
  return {
    type: statusReminderType,
    payload: z.object({
      focusArea: z.string().max(100),
      period: z.string().regex(/^\d{4}-\d{2}$/),
      kind: z.enum(reminderKinds),
    }),
    async handler({ focusArea, period, kind }, { db }) {
      const parsed = parsePeriodKey(period, rules);
      const area = (await listFocusAreaRefs(db)).find((candidate) => candidate.slug === focusArea);
      if (!parsed || !area) return;
      const report = (await listReportsOfPeriods(db, [period])).find((row) => row.focusAreaId === area.id);
      if (report && submittedStates.includes(report.state as (typeof submittedStates)[number])) return;
      if (kind === 'overdue' && (await listPeriodClosures(db)).has(period)) return;
      const deadline = datedPeriod(parsed, rules).deadline;
      const link = `${options.publicUrl}/tovholder/${area.slug}`;
      for (const lead of await listLeadOwners(db, area.id)) {
        await db.transaction().execute(async (trx) => {
          if (!(await claimStatusNotification(trx, `${reminderKey(focusArea, period, kind)}:${lead.userId}`)))
            return;
          await enqueueEmail(
            trx,
            reportReminderMessage(lead.email, {
              kind,
              areaName: area.name,
              periodKey: period,
              deadline,
              link,
            }),
          );
        });
      }
    },
  };
}
