import {
  associationsOnlyAdminnedBy,
  deleteInvitationsTo,
  deleteVolunteerProfile,
  listMembers,
  setMemberRole,
  unlinkModerationOf,
} from '@brobygger/db';
import type { TransactionContext } from '../context.ts';

/**
 * An account is deleted: its volunteer profile and invitations to its address go; an association
 * it was the only admin of gets its longest-standing member as admin (so it keeps one); activities
 * it posted stay, without the link. Its attendance stays only as a count (events/erasure.ts).
 */
export async function eraseVolunteerData(tx: TransactionContext, user: { id: string; email: string }) {
  const db = tx.deps.db;
  for (const { association_id } of await associationsOnlyAdminnedBy(db, user.id)) {
    if (association_id === null) continue;
    const next = (await listMembers(db, association_id))
      .filter((member) => member.user_id !== user.id)
      .sort((a, b) => new Date(a.since).getTime() - new Date(b.since).getTime())[0];
    if (next) await setMemberRole(db, association_id, next.user_id, 'admin', null);
  }
  await deleteVolunteerProfile(db, user.id);
  await deleteInvitationsTo(db, user.email);
  await unlinkModerationOf(db, user.id);
}
