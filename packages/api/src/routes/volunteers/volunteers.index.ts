import type { TypedResponse } from 'hono';
import { createRouter } from '../../openapi.ts';
import {
  type findVolunteers,
  inviteVolunteers,
  readMyVolunteerHistory,
  readMyVolunteerProfile,
  readVolunteer,
  readVolunteerMatches,
  saveMyVolunteerProfile,
  setVolunteerLanguages,
  volunteerSearchAnswer,
} from '../../services/volunteers/index.ts';
import { useCaseContext } from '../../use-case-context.ts';
import {
  getVolunteerRoute,
  inviteVolunteersRoute,
  myVolunteerHistoryRoute,
  myVolunteerProfileRoute,
  saveVolunteerProfileRoute,
  searchVolunteersRoute,
  setVolunteerLanguagesRoute,
  volunteerMatchesRoute,
} from './volunteers.routes.ts';

export const volunteersRouter = createRouter()
  .openapi(myVolunteerProfileRoute, async (c) =>
    c.json({ profile: await readMyVolunteerProfile(useCaseContext(c)) }, 200),
  )
  .openapi(saveVolunteerProfileRoute, async (c) =>
    c.json({ profile: await saveMyVolunteerProfile(useCaseContext(c), c.req.valid('json')) }, 200),
  )
  .openapi(myVolunteerHistoryRoute, async (c) => c.json(await readMyVolunteerHistory(useCaseContext(c)), 200))
  .openapi(searchVolunteersRoute, async (c) => {
    // A shared read: the JSON is made once per change of the volunteers, for all of staff.
    const answer = await volunteerSearchAnswer(useCaseContext(c), c.req.valid('query'));
    return c.body(answer, 200, { 'Content-Type': 'application/json' }) as unknown as TypedResponse<
      Awaited<ReturnType<typeof findVolunteers>>,
      200,
      'json'
    >;
  })
  .openapi(getVolunteerRoute, async (c) =>
    c.json(await readVolunteer(useCaseContext(c), c.req.valid('param').userId), 200),
  )
  .openapi(volunteerMatchesRoute, async (c) =>
    c.json(await readVolunteerMatches(useCaseContext(c), c.req.valid('param').id), 200),
  )
  .openapi(setVolunteerLanguagesRoute, async (c) =>
    c.json(
      await setVolunteerLanguages(useCaseContext(c), c.req.valid('param').id, c.req.valid('json').languages),
      200,
    ),
  )
  .openapi(inviteVolunteersRoute, async (c) =>
    c.json(
      await inviteVolunteers(useCaseContext(c), c.req.valid('param').id, c.req.valid('json').userIds),
      200,
    ),
  );
