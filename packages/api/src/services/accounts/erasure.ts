import { forgetThrottleFor } from '@brobygger/auth';
import { anonymiseAuditTrail, deleteEmailsTo } from '@brobygger/db';
import type { TransactionContext } from '../context.ts';
import { eraseEventData } from '../events/erasure.ts';
import { eraseVolunteerData } from '../volunteers/erasure.ts';

export interface DeletedUser {
  id: string;
  email: string;
}

/**
 * What each feature forgets when an account is deleted, beside the user row itself (roles,
 * sessions, tokens and recovery codes go with it by `on delete cascade`). A feature that keeps
 * personal data in its own tables adds one line here that calls its own query; the deletion use
 * case never reaches into another feature's tables. Content a user wrote for others (forum posts,
 * resources) is kept and shown as written by "slettet bruger".
 */
export const personalDataErasers: ReadonlyArray<
  (tx: TransactionContext, user: DeletedUser) => Promise<void>
> = [
  // Mail: queued or sent messages to the address.
  (tx, user) => deleteEmailsTo(tx.deps.db, user.email),
  // Throttling: failed logins, reset and registration attempts for the address.
  (tx, user) => forgetThrottleFor(tx.deps.db, user.email),
  // Audit log: the events stay (who changed what), without IP and browser.
  (tx, user) => anonymiseAuditTrail(tx.deps.db, user.id),
  // Events: seats given up (the waitlist moves up), registrations and calendar feed tokens deleted.
  (tx, user) => eraseEventData(tx, user.id),
  // Associations and volunteers (issue 10): profile, invitations; an only admin is succeeded.
  (tx, user) => eraseVolunteerData(tx, user),
];
