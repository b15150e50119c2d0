import {
  type Database,
  findUserByEmail,
  insertDescriptionRevision,
  insertReport,
  insertReportRevision,
  insertReportTransition,
  latestDescription,
  listAreaInitiatives,
  listFocusAreaRefs,
  replaceIndicatorValues,
  setReportState,
} from '@brobygger/db';
import {
  type Description,
  defaultReportingRules,
  latePeriodFor,
  type OverallStatus,
  previousPeriod,
  type ReportingRules,
  type ReportState,
} from '@brobygger/domain';
import type { Kysely } from 'kysely';

/**
 * Demo status reports (only with DEMO_ACCOUNTS, after the demo accounts): descriptions with
 * indicators for three areas, acknowledged reports for the last two periods for those, one
 * report waiting for the steering group, and one area whose report is overdue, so that
 * styregruppe@brobygger.test sees a realistic overview at once. Idempotent: an area that has a
 * description or a report for a period keeps it.
 */
export async function seedStatusDemo(
  db: Kysely<Database>,
  now = new Date(),
  rules: ReportingRules = defaultReportingRules,
): Promise<number> {
  const late = latePeriodFor(now, rules);
  const before = previousPeriod(late, rules);
  const areas = new Map((await listFocusAreaRefs(db)).map((area) => [area.slug, area]));
  const authorOf = async (email: string) => (await findUserByEmail(db, email))?.id ?? null;
  const lead = await authorOf('tovholder@brobygger.test');
  const health = await authorOf('sundhed@brobygger.test');
  const steering = await authorOf('styregruppe@brobygger.test');
  let created = 0;

  const plans: {
    slug: string;
    author: string | null;
    description: Description;
    reports: {
      period: string;
      state: ReportState;
      status: OverallStatus;
      summary: string;
      values: number[];
    }[];
  }[] = [
    {
      slug: 'kvinder',
      author: lead,
      description: {
        purpose:
          'Flere kvinder med flygtninge- og indvandrerbaggrund i job, uddannelse og foreningsliv, med bydelsmødre og sundhedstjenesten som brobyggere.',
        goals: [
          {
            key: 'beskaeftigelse',
            title: 'Flere kvinder i beskæftigelse eller uddannelse',
            indicators: [
              indicator('kvinder-i-job', 'Kvinder i job eller uddannelse', 'count', 42, 120),
              indicator('kvinder-andel-forloeb', 'Andel i et aktivt forløb', 'percent', 35, 60),
            ],
          },
        ],
        partners: [
          { name: 'Sundhedstjenesten', part: 'Sundhedssamtaler og henvisning' },
          { name: 'Kompetencecenteret', part: 'Danskundervisning' },
        ],
      },
      reports: [
        {
          period: before.key,
          state: 'acknowledged',
          status: 'at_risk',
          summary: 'Rekrutteringen er kommet langsomt i gang; bydelsmødrene har haft 14 samtaler.',
          values: [51, 38.5],
        },
        {
          period: late.key,
          state: 'acknowledged',
          status: 'on_track',
          summary: 'IGU-SOSU har 6 nye forløb, og flere kvinder er henvist fra jobcentret.',
          values: [63, 44],
        },
      ],
    },
    {
      slug: 'viden-og-videndeling',
      author: lead,
      description: {
        purpose: 'Viden om integration deles på tværs af kommunens afdelinger og med civilsamfundet.',
        goals: [
          {
            key: 'netvaerk',
            title: 'Et aktivt vidennetværk',
            indicators: [indicator('netvaerksmoeder', 'Netværksmøder om året', 'count', 2, 6)],
          },
        ],
        partners: [{ name: 'Integrationsteamet', part: 'Sekretariat for netværket' }],
      },
      reports: [
        {
          period: before.key,
          state: 'acknowledged',
          status: 'on_track',
          summary: 'Første netværksmøde holdt med 40 deltagere.',
          values: [3],
        },
        {
          period: late.key,
          state: 'acknowledged',
          status: 'on_track',
          summary: 'To netværksmøder og et nyhedsbrev til 300 modtagere.',
          values: [5],
        },
      ],
    },
    {
      slug: 'sundhed-og-trivsel',
      author: health,
      description: {
        purpose: 'Bedre sundhed og trivsel blandt borgere med flygtningebaggrund.',
        goals: [
          {
            key: 'trivsel',
            title: 'Flere i sundhedsfremmende forløb',
            indicators: [indicator('sundhed-deltagere', 'Deltagere i sundhedsforløb', 'count', 20, 80)],
          },
        ],
        partners: [{ name: 'Sundhedsfremme', part: 'Forløb og undervisning' }],
      },
      reports: [
        {
          period: before.key,
          state: 'acknowledged',
          status: 'off_track',
          summary: 'Forløbene blev udskudt; ny underviser fundet.',
          values: [18],
        },
        {
          period: late.key,
          state: 'submitted',
          status: 'at_risk',
          summary: 'Forløbene er startet igen med 31 deltagere; ventelisten vokser.',
          values: [31],
        },
      ],
    },
  ];

  for (const plan of plans) {
    const area = areas.get(plan.slug);
    if (!area) continue;
    if (!(await latestDescription(db, area.id))) {
      await insertDescriptionRevision(db, {
        focusAreaId: area.id,
        content: plan.description,
        authorId: plan.author,
      });
    }
    const initiatives = await listAreaInitiatives(db, area.id);
    const keys = plan.description.goals.flatMap((goal) => goal.indicators);
    for (const report of plan.reports) {
      const content = {
        summary: report.summary,
        initiatives: initiatives.slice(0, 2).map((initiative) => ({
          initiativeId: initiative.id,
          status: report.status,
          comment: '',
        })),
        risks: report.status === 'on_track' ? '' : 'Få henvisninger og lange ventetider.',
        nextSteps: 'Fortsætte forløbene og følge op med partnerne.',
        attachments: [],
      };
      await db.transaction().execute(async (trx) => {
        const id = await insertReport(trx, {
          focusAreaId: area.id,
          periodKey: report.period,
          overallStatus: report.status,
          content,
          createdBy: plan.author,
        });
        if (id === undefined) return;
        created++;
        await replaceIndicatorValues(
          trx,
          id,
          keys.map((indicator, i) => ({
            key: indicator.key,
            unit: indicator.unit,
            value: report.values[i] ?? 0,
            comment: '',
          })),
        );
        await insertReportRevision(trx, { reportId: id, revision: 1, content, authorId: plan.author });
        await insertReportTransition(trx, {
          reportId: id,
          from: 'draft',
          to: 'submitted',
          actorId: plan.author,
          comment: null,
        });
        await setReportState(trx, id, 'submitted', now);
        if (report.state === 'acknowledged') {
          await insertReportTransition(trx, {
            reportId: id,
            from: 'submitted',
            to: 'acknowledged',
            actorId: steering,
            comment: null,
          });
          await setReportState(trx, id, 'acknowledged', now);
        }
      });
    }
  }

  // Unge mænd's report for the period just passed is a draft past its deadline: overdue.
  const young = areas.get('unge-maend');
  if (young) {
    const id = await insertReport(db, {
      focusAreaId: young.id,
      periodKey: late.key,
      overallStatus: null,
      content: { summary: '', initiatives: [], risks: '', nextSteps: '', attachments: [] },
      createdBy: null,
    });
    if (id !== undefined) created++;
  }
  return created;
}

function indicator(key: string, name: string, unit: 'count' | 'percent', baseline: number, target: number) {
  return { key, name, unit, baseline, baselineDate: '2025-01-01', target, targetDate: '2027-12-31' };
}
