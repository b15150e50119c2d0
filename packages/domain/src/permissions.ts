import type { Role, RoleGrant } from './roles.ts';

/** Who is asking: a signed-in user with their role grants, or nobody (anonymous). */
export type Actor = { userId: string; grants: readonly RoleGrant[] } | null;

/** What a resource is, as far as permission goes. */
export interface Resource {
  ownerId?: string;
  focusArea?: string;
  associationId?: number;
}

export const actions = [
  'policy:read',
  'account:read-own',
  'account:update-own',
  'account:export-own',
  'account:delete-own',
  'sessions:manage-own',
  'users:list',
  'users:manage-roles',
  'users:disable',
  'audit:read',
  'dev-mailbox:read',
  'jobs:read',
  'jobs:retry',
  'focus-area:edit',
  'status-report:file',
  'steering:read',
  'association:manage',
  // Status reports (issue 13)
  'status:edit',
  'status:read-area',
  'status:read-submitted',
  'status:review',
  'status:read-files',
  // Events and sign-up (issue 9)
  'event:read',
  'event:manage',
  'event:register',
  'event:cancel-own-registration',
  'event:guest-register',
  'event:participants',
  'calendar-feed:manage-own',
  // Associations and volunteers (issue 10)
  'association:register',
  'association:verify',
  'association:read-members',
  'association:post-activity',
  'activity:moderate',
  'volunteer:edit-own',
  'volunteer:search',
  'volunteer:invite',
  // Search (issue 12)
  'search:read',
  // Knowledge: resource library and forum (issue 11)
  'resource:read',
  'resource:manage',
  'resource:suggest',
  'forum:read',
  'forum:post',
  'forum:edit-post',
  'forum:accept-answer',
  'forum:flag',
  'forum:follow',
  'forum:moderate',
] as const;
export type Action = (typeof actions)[number];

const has = (actor: NonNullable<Actor>, role: Role) => actor.grants.some((grant) => grant.role === role);
const signedIn = (actor: Actor): actor is NonNullable<Actor> => actor !== null;
const isAdmin = (actor: Actor) => signedIn(actor) && has(actor, 'admin');
const isStaff = (actor: Actor) => signedIn(actor) && (has(actor, 'staff') || has(actor, 'admin'));

type Rule = (actor: Actor, resource: Resource) => boolean;

const isReviewer = (actor: Actor) => signedIn(actor) && (has(actor, 'steering_group') || has(actor, 'admin'));
/** A lead owner of the focus area; without a focus area, a lead owner of any (the route checks which). */
const isLeadOwnerOf = (actor: Actor, focusArea: string | undefined) =>
  signedIn(actor) &&
  actor.grants.some(
    (grant) => grant.role === 'lead_owner' && (focusArea === undefined || grant.focusArea === focusArea),
  );

/** A member or admin of the association; without an association, of any association. */
const isAssociationMemberOf = (actor: Actor, associationId: number | undefined) =>
  signedIn(actor) &&
  actor.grants.some(
    (grant) =>
      (grant.role === 'association_member' || grant.role === 'association_admin') &&
      (associationId === undefined || grant.associationId === associationId),
  );

/**
 * The permission policy: one rule per action, deny by default. Every API route asks `can()`
 * before it touches data; the route × role matrix test in packages/api checks the answers.
 */
const rules: Record<Action, Rule> = {
  'policy:read': () => true,
  'account:read-own': signedIn,
  'account:update-own': signedIn,
  'account:export-own': signedIn,
  'account:delete-own': signedIn,
  'sessions:manage-own': (actor, resource) =>
    signedIn(actor) && (resource.ownerId === undefined || resource.ownerId === actor.userId),
  'users:list': isAdmin,
  'users:manage-roles': isAdmin,
  'users:disable': (actor, resource) => isAdmin(actor) && resource.ownerId !== actor?.userId,
  'audit:read': isAdmin,
  'dev-mailbox:read': isAdmin,
  'jobs:read': isAdmin,
  'jobs:retry': isAdmin,
  'focus-area:edit': (actor, resource) =>
    isAdmin(actor) ||
    (signedIn(actor) &&
      actor.grants.some((grant) => grant.role === 'lead_owner' && grant.focusArea === resource.focusArea)),
  'status-report:file': (actor, resource) => rules['focus-area:edit'](actor, resource),
  'steering:read': (actor) => signedIn(actor) && (has(actor, 'steering_group') || has(actor, 'admin')),
  'association:manage': (actor, resource) =>
    isAdmin(actor) ||
    (signedIn(actor) &&
      actor.grants.some(
        (grant) =>
          grant.role === 'association_admin' &&
          // Issue 10: without an association (the route's first check) any association admin
          // passes; the use case asks again with the association.
          (resource.associationId === undefined || grant.associationId === resource.associationId),
      )),
  // Status reports (issue 13): only the area's lead owners write its description, initiatives and
  // reports; the steering group and admins read everything and acknowledge or return; staff (and
  // lead owners) read submitted reports; everyone else sees the public summaries only.
  'status:edit': (actor, resource) => isLeadOwnerOf(actor, resource.focusArea),
  'status:read-area': (actor, resource) => isLeadOwnerOf(actor, resource.focusArea) || isReviewer(actor),
  'status:read-submitted': (actor) =>
    signedIn(actor) && (has(actor, 'staff') || has(actor, 'lead_owner') || isReviewer(actor)),
  'status:review': (actor) => isReviewer(actor),
  // The files uploaded to a report: its area's lead owners, the steering group and admins, and
  // staff (once the report is submitted: the use case checks the state). Unlike the report's text,
  // never a lead owner of another area by that role alone.
  'status:read-files': (actor, resource) =>
    isLeadOwnerOf(actor, resource.focusArea) || isReviewer(actor) || isStaff(actor),
  // Events: anyone reads published events (drafts only with event:manage); staff run them.
  'event:read': () => true,
  'event:manage': isStaff,
  'event:register': signedIn,
  'event:cancel-own-registration': (actor, resource) =>
    signedIn(actor) && (resource.ownerId === undefined || resource.ownerId === actor.userId),
  'event:guest-register': () => true,
  // The participant list, its CSV and attendance/check-in.
  'event:participants': (actor, resource) =>
    isStaff(actor) || isAssociationMemberOf(actor, resource.associationId),
  'calendar-feed:manage-own': signedIn,
  // Associations and volunteers (issue 10). Association roles count only for their own
  // association; without an association (the route's first check) any association role passes,
  // and the use case asks again with the association of the resource.
  'association:register': signedIn,
  'association:verify': isStaff,
  'association:read-members': (actor, resource) =>
    isStaff(actor) || isAssociationMemberOf(actor, resource.associationId),
  'association:post-activity': (actor, resource) => isAssociationMemberOf(actor, resource.associationId),
  'activity:moderate': isStaff,
  'volunteer:edit-own': signedIn,
  'volunteer:search': isStaff,
  'volunteer:invite': isStaff,
  // Search (issue 12): anyone searches; what each finds is limited by their reader keys.
  'search:read': () => true,
  // Knowledge (issue 11): anyone reads (each resource's audience is checked by the use case);
  // staff write the library and moderate; anyone signed in suggests, posts, flags and follows.
  'resource:read': () => true,
  'resource:manage': isStaff,
  'resource:suggest': signedIn,
  'forum:read': () => true,
  'forum:post': signedIn,
  // Without an owner (the route's first check) any signed-in user; the use case checks the post's.
  'forum:edit-post': (actor, resource) =>
    isStaff(actor) ||
    (signedIn(actor) && (resource.ownerId === undefined || resource.ownerId === actor.userId)),
  'forum:accept-answer': (actor, resource) =>
    isStaff(actor) ||
    (signedIn(actor) && (resource.ownerId === undefined || resource.ownerId === actor.userId)),
  'forum:flag': signedIn,
  'forum:follow': signedIn,
  'forum:moderate': isStaff,
};

export function can(actor: Actor, action: Action, resource: Resource = {}): boolean {
  const rule = rules[action];
  return rule ? rule(actor, resource) : false;
}
