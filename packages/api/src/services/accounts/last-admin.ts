import { countActiveAdmins, lockAdministrators } from '@brobygger/db';
import type { TransactionContext } from '../context.ts';
import { conflict } from '../errors.ts';

export const lastAdminMessage =
  'Det kan ikke lade sig gøre: brugeren er den sidste aktive administrator. Giv en anden bruger administratorrollen først.';

/**
 * Refuses (409) a change that would leave no active administrator: removing the admin role from,
 * disabling or deleting the last one. Takes a transaction-wide lock first, so two admins removing
 * each other at the same moment cannot both succeed.
 */
export async function keepAnAdministrator(tx: TransactionContext, userId: string): Promise<void> {
  await lockAdministrators(tx.deps.db);
  const all = await countActiveAdmins(tx.deps.db);
  const others = await countActiveAdmins(tx.deps.db, { except: userId });
  const userIsActiveAdmin = all > others;
  if (userIsActiveAdmin && others === 0) throw conflict(lastAdminMessage);
}
