import { createRouter } from '../../openapi.ts';
import {
  cancelGuestSignUp,
  confirmGuestSignUp,
  getGuestRegistration,
  requestGuestSignUp,
} from '../../services/event-guests/index.ts';
import { useCaseContext } from '../../use-case-context.ts';
import {
  cancelGuestSignUpRoute,
  confirmGuestSignUpRoute,
  getGuestRegistrationRoute,
  requestGuestSignUpRoute,
} from './guests.routes.ts';

export const guestsRouter = createRouter()
  .openapi(requestGuestSignUpRoute, async (c) => {
    const result = await requestGuestSignUp(useCaseContext(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json(result, 202);
  })
  .openapi(getGuestRegistrationRoute, async (c) => {
    const view = await getGuestRegistration(useCaseContext(c), c.req.valid('param').token);
    c.header('Cache-Control', 'private, no-store');
    return c.json(
      {
        ...view,
        expiresAt: view.expiresAt?.toISOString() ?? null,
        event: {
          ...view.event,
          startsAt: view.event.startsAt.toISOString(),
          endsAt: view.event.endsAt.toISOString(),
        },
      },
      200,
    );
  })
  .openapi(confirmGuestSignUpRoute, async (c) => {
    return c.json(await confirmGuestSignUp(useCaseContext(c), c.req.valid('param').token), 200);
  })
  .openapi(cancelGuestSignUpRoute, async (c) => {
    await cancelGuestSignUp(useCaseContext(c), c.req.valid('param').token);
    return c.json({ status: 'cancelled' as const }, 200);
  });
