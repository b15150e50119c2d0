import { createRouter } from '../../openapi.ts';
import {
  checkInByCode,
  exportEventParticipants,
  listEventParticipants,
  markAttendance,
  myCheckIn,
} from '../../services/event-participants/index.ts';
import { useCaseContext } from '../../use-case-context.ts';
import {
  checkInRoute,
  exportParticipantsRoute,
  listParticipantsRoute,
  myCheckInRoute,
  setAttendanceRoute,
} from './participants.routes.ts';

const iso = (date: Date | string | null) => (date ? new Date(date).toISOString() : null);

export const participantsRouter = createRouter()
  .openapi(listParticipantsRoute, async (c) => {
    const { event, participants } = await listEventParticipants(useCaseContext(c), c.req.valid('param').id);
    return c.json(
      {
        event: {
          id: event.id,
          title: event.title,
          startsAt: new Date(event.starts_at).toISOString(),
          capacity: event.capacity,
        },
        participants: participants.map((p) => ({
          registrationId: p.id,
          name: p.name,
          email: p.email,
          guest: p.is_guest,
          status: p.status as 'confirmed' | 'waitlisted',
          position: p.position,
          checkInCode: p.check_in_code,
          attendedAt: iso(p.attended_at),
          signedUpAt: new Date(p.created_at).toISOString(),
        })),
      },
      200,
    );
  })
  .openapi(exportParticipantsRoute, async (c) => {
    const { id } = c.req.valid('param');
    const csv = await exportEventParticipants(useCaseContext(c), id);
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="deltagere-${id}.csv"`,
    });
  })
  .openapi(setAttendanceRoute, async (c) => {
    const { id, registrationId } = c.req.valid('param');
    const { attended } = c.req.valid('json');
    await markAttendance(useCaseContext(c), id, registrationId, attended);
    return c.json({ attended }, 200);
  })
  .openapi(checkInRoute, async (c) => {
    return c.json(
      await checkInByCode(useCaseContext(c), c.req.valid('param').id, c.req.valid('json').code),
      200,
    );
  })
  .openapi(myCheckInRoute, async (c) => {
    return c.json(await myCheckIn(useCaseContext(c), c.req.valid('param').id), 200);
  });
