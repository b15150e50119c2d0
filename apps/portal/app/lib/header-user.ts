import { isAdmin } from './session.server';

/** What the header's account menu needs to know of a signed-in user, for one user. */
export interface HeaderUserSource {
  displayName: string;
  roles: readonly { role: string }[];
}

/**
 * Everything the header's account menu shows about the signed-in user — and nothing else. The
 * root loader sends it to the page, and the page cache keys each visitor's account menu on it
 * (apps/portal/server/page-cache.ts): a menu is shared only between visitors for whom this is
 * equal, so whatever the menu shows must come from here.
 */
export function headerUserView(user: HeaderUserSource) {
  return {
    displayName: user.displayName,
    admin: isAdmin(user),
    // Status reports (issue 13): links to the steering group's, the lead owner's and staff's pages.
    steering: user.roles.some((grant) => grant.role === 'steering_group' || grant.role === 'admin'),
    leadOwner: user.roles.some((grant) => grant.role === 'lead_owner'),
    staff: user.roles.some((grant) => grant.role === 'staff'),
  };
}

export type HeaderUserView = ReturnType<typeof headerUserView>;
