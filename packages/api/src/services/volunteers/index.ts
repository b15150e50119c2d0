import {
  erasedAttendance,
  eventVolunteerLanguages,
  findEvent,
  findUserById,
  findVolunteerProfile,
  focusAreaIdsBySlug,
  insertVolunteerInvitation,
  listMembershipsOf,
  searchVolunteers,
  setEventVolunteerLanguages,
  upsertVolunteerProfile,
  volunteerCandidates,
  volunteerHistory,
} from '@brobygger/db';
import {
  eventHours,
  type LanguageLevel,
  languageLevelRank,
  languageLevels,
  type VolunteerProfileInput,
  type VolunteerSearchQuery,
  volunteerListPageSize,
  volunteerMatchScore,
  volunteerSearchQuerySchema,
} from '@brobygger/domain';
import { sharedAnswer } from '../../cache/shared-answers.ts';
import { queueEmail } from '../../mail/send.ts';
import { audit } from '../audit.ts';
import { transaction, type UseCaseContext } from '../context.ts';
import { conflict, invalidField, notFound, notSignedIn } from '../errors.ts';
import { volunteerInvitationMessage } from './messages.ts';

const iso = (date: Date | string | null) => (date === null ? null : new Date(date).toISOString());
const levelName = (level: number): LanguageLevel => languageLevels[level] ?? 'basic';
const languagesView = (rows: { language: string; level: number }[]) =>
  rows.map((row) => ({ language: row.language, level: levelName(row.level) }));

type ProfileRow = NonNullable<Awaited<ReturnType<typeof findVolunteerProfile>>>;
function profileView(row: ProfileRow) {
  return {
    userId: row.user_id,
    name: row.display_name,
    email: row.email,
    skills: row.skills,
    skillsOther: row.skills_other,
    languages: languagesView(row.languages),
    availability: row.availability,
    interests: row.interests,
    presentation: row.presentation,
    consent: row.consent_at !== null,
    consentGivenAt: iso(row.consent_at),
    updatedAt: iso(row.updated_at) as string,
  };
}

/** My volunteer profile, or null when I have none. */
export async function readMyVolunteerProfile(ctx: UseCaseContext) {
  if (!ctx.actorId) throw notSignedIn();
  const row = await findVolunteerProfile(ctx.deps.db, ctx.actorId);
  return row ? profileView(row) : null;
}

/** Saves my profile; consent given or withdrawn here (withdrawn, staff stop seeing it at once). */
export async function saveMyVolunteerProfile(ctx: UseCaseContext, input: VolunteerProfileInput) {
  const userId = ctx.actorId;
  if (!userId) throw notSignedIn();
  await transaction(ctx, async (tx, db) => {
    const ids = await focusAreaIdsBySlug(db, input.interests);
    const unknown = input.interests.filter((slug) => !ids.has(slug));
    if (unknown.length > 0) throw invalidField('interests', `Ukendt fokusområde: ${unknown.join(', ')}`);
    const before = await findVolunteerProfile(db, userId);
    await upsertVolunteerProfile(db, userId, {
      skills: [...new Set(input.skills)],
      skills_other: input.skillsOther,
      availability: [...new Set(input.availability)],
      presentation: input.presentation,
      consent: input.consent,
      languages: input.languages.map((entry) => ({
        language: entry.language,
        level: languageLevelRank(entry.level),
      })),
      interestIds: [...new Set(input.interests.map((slug) => ids.get(slug) as number))],
    });
    const consentChanged = (before?.consent_at != null) !== input.consent;
    await audit(tx, {
      action: consentChanged
        ? input.consent
          ? 'volunteer.consent-given'
          : 'volunteer.consent-withdrawn'
        : 'volunteer.profile-saved',
      targetType: 'user',
      targetId: userId,
    });
  });
  // The staff search shows it (a shared read): seen at once in this process, in others within the
  // counter's check interval.
  ctx.deps.publicCache?.invalidate();
  return readMyVolunteerProfile(ctx);
}

/**
 * The staff search's JSON answer, the same for every member of staff, kept until a volunteer's
 * profile, languages or interests change (they move the public-data counter; a shared read,
 * ADR 0013).
 */
export async function volunteerSearchAnswer(
  ctx: UseCaseContext,
  query: VolunteerSearchQuery,
): Promise<string> {
  const key = JSON.stringify([
    'volunteers',
    query.language,
    query.level,
    query.skill,
    query.availability,
    query.interest,
    query.page,
  ]);
  return sharedAnswer(ctx, key, async () => JSON.stringify(await findVolunteers(ctx, query)));
}

/** The same from a request's query, for the fast path; undefined for a query the route refuses. */
export async function volunteerSearchAnswerFor(ctx: UseCaseContext, params: URLSearchParams) {
  const names = [...params.keys()];
  if (new Set(names).size !== names.length) return undefined;
  const parsed = volunteerSearchQuerySchema.safeParse(Object.fromEntries(params));
  return parsed.success ? volunteerSearchAnswer(ctx, parsed.data) : undefined;
}

/** Staff search: consenting volunteers only, by language and level, skill, availability, interest. */
export async function findVolunteers(ctx: UseCaseContext, query: VolunteerSearchQuery) {
  const { rows, total } = await searchVolunteers(ctx.deps.db, {
    ...(query.language ? { language: query.language } : {}),
    ...(query.level ? { minLevel: languageLevelRank(query.level) } : {}),
    ...(query.skill ? { skill: query.skill } : {}),
    ...(query.availability ? { availability: query.availability } : {}),
    ...(query.interest ? { interest: query.interest } : {}),
    limit: volunteerListPageSize,
    offset: (query.page - 1) * volunteerListPageSize,
  });
  return {
    volunteers: rows.map((row) => ({
      userId: row.user_id,
      name: row.display_name,
      skills: row.skills,
      availability: row.availability,
      languages: languagesView(row.languages),
    })),
    total,
    page: query.page,
    pageSize: volunteerListPageSize,
  };
}

function historyView(rows: Awaited<ReturnType<typeof volunteerHistory>>) {
  return rows.map((row) => ({
    eventId: row.event_id,
    title: row.title,
    organiserName: row.organiser_name,
    startsAt: iso(row.starts_at) as string,
    endsAt: iso(row.ends_at) as string,
    status: row.status,
    attended: row.attended_at !== null,
    hours: row.attended_at ? eventHours(new Date(row.starts_at), new Date(row.ends_at)) : 0,
  }));
}

/** Staff read one volunteer: only with their consent (otherwise it is as if there were none). */
export async function readVolunteer(ctx: UseCaseContext, userId: string) {
  const row = await findVolunteerProfile(ctx.deps.db, userId);
  if (!row || row.consent_at === null) {
    throw notFound(
      'Der er ingen frivilligprofil, eller den frivillige har ikke givet samtykke til at blive kontaktet.',
    );
  }
  const attended = historyView(await volunteerHistory(ctx.deps.db, userId, true));
  await audit(ctx, { action: 'volunteer.profile-read', targetType: 'user', targetId: userId });
  return { volunteer: profileView(row), attended };
}

/** My history: sign-ups and attendance, and the hours of what I attended. */
export async function readMyVolunteerHistory(ctx: UseCaseContext) {
  if (!ctx.actorId) throw notSignedIn();
  const user = await findUserById(ctx.deps.db, ctx.actorId);
  const events = historyView(await volunteerHistory(ctx.deps.db, ctx.actorId));
  const attended = events.filter((event) => event.attended);
  return {
    name: user?.display_name ?? '',
    events,
    attendedCount: attended.length,
    hours: attended.reduce((sum, event) => sum + event.hours, 0),
  };
}

async function eventOrNotFound(ctx: UseCaseContext, eventId: number) {
  const event = await findEvent(ctx.deps.db, eventId);
  if (!event) throw notFound('Arrangementet findes ikke.');
  return event;
}

/** Staff: the languages an event asks its volunteers to speak. */
export async function setVolunteerLanguages(ctx: UseCaseContext, eventId: number, languages: string[]) {
  await transaction(ctx, async (tx, db) => {
    await eventOrNotFound(tx, eventId);
    await setEventVolunteerLanguages(db, eventId, languages);
    await audit(tx, {
      action: 'event.volunteer-languages-set',
      targetType: 'event',
      targetId: String(eventId),
      details: { languages },
    });
  });
  return readVolunteerMatches(ctx, eventId);
}

/** Staff: consenting volunteers who speak the languages the event asks for, best match first. */
export async function readVolunteerMatches(ctx: UseCaseContext, eventId: number) {
  const event = await eventOrNotFound(ctx, eventId);
  const languages = await eventVolunteerLanguages(ctx.deps.db, eventId);
  const candidates = await volunteerCandidates(ctx.deps.db, eventId, languages);
  const ranked = candidates
    .map((candidate) => {
      const spoken = languagesView(candidate.languages);
      return {
        userId: candidate.user_id,
        name: candidate.display_name,
        languages: spoken.filter((entry) => languages.includes(entry.language)),
        sharedInterests: candidate.shared_interests,
        attended: candidate.attended,
        invited: candidate.invited,
        signedUp: candidate.signed_up,
        score: volunteerMatchScore(languages, spoken, candidate.shared_interests, candidate.attended),
      };
    })
    .filter((match) => match.score > 0)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'da'))
    .slice(0, 50);
  return {
    event: {
      id: event.id,
      title: event.title,
      startsAt: iso(event.starts_at) as string,
      status: event.status,
    },
    languages,
    matches: ranked,
  };
}

/**
 * Staff invite volunteers to an event with one action: each gets an email with the sign-up link.
 * Only consenting volunteers who speak an asked-for language can be invited; nobody twice.
 */
export async function inviteVolunteers(ctx: UseCaseContext, eventId: number, userIds: string[]) {
  const result = await transaction(ctx, async (tx, db) => {
    const { event, languages, matches } = await readVolunteerMatches(tx, eventId);
    if (event.status !== 'published' || new Date(event.startsAt).getTime() <= Date.now()) {
      throw conflict('Der kan kun inviteres til et offentliggjort arrangement, der ikke er begyndt.');
    }
    const candidates = await volunteerCandidates(db, eventId, languages);
    const byId = new Map(candidates.map((candidate) => [candidate.user_id, candidate]));
    const unknown = userIds.filter((id) => !matches.some((match) => match.userId === id));
    if (unknown.length > 0) {
      throw invalidField(
        'userIds',
        'Kun frivillige, der matcher arrangementet og har givet samtykke, kan inviteres',
      );
    }
    const row = await findEvent(db, eventId);
    let invited = 0;
    for (const userId of new Set(userIds)) {
      const candidate = byId.get(userId);
      if (!candidate || !row) continue;
      if (!(await insertVolunteerInvitation(db, eventId, userId, ctx.actorId))) continue;
      const spoken = languagesView(candidate.languages)
        .filter((entry) => languages.includes(entry.language))
        .map((entry) => entry.language)
        .join(', ');
      await queueEmail(
        tx.deps,
        volunteerInvitationMessage(
          candidate.email,
          candidate.display_name,
          { id: row.id, title: row.title, startsAt: new Date(row.starts_at), address: row.address },
          spoken,
          tx.deps.config.publicUrl,
        ),
      );
      invited++;
    }
    await audit(tx, {
      action: 'event.volunteers-invited',
      targetType: 'event',
      targetId: String(eventId),
      details: { invited },
    });
    return { invited, alreadyInvited: new Set(userIds).size - invited };
  });
  return result;
}

/** The volunteer's part of their data export: profile and memberships. */
export async function exportVolunteerData(ctx: UseCaseContext, userId: string) {
  const row = await findVolunteerProfile(ctx.deps.db, userId);
  const memberships = await listMembershipsOf(ctx.deps.db, userId);
  return {
    volunteerProfile: row ? profileView(row) : null,
    associationMemberships: memberships.map((membership) => ({
      association: membership.name,
      slug: membership.slug,
      role: membership.role,
    })),
  };
}

/** The count of attendance kept for an event after accounts were erased. */
export async function erasedAttendanceOf(ctx: UseCaseContext, eventId: number) {
  return erasedAttendance(ctx.deps.db, eventId);
}
