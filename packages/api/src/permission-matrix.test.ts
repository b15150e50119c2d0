import { createSession, seedDemoAccounts } from '@brobygger/auth';
import { findUserByEmail } from '@brobygger/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApi } from './test-support.ts';

/**
 * Every route × every role, anonymous included. Each case sends a request that is harmless for
 * whoever may make it (unknown ids, wrong passwords), so the answer shows the permission check
 * alone: 401 for anonymous, 403 for a role without the right, anything else when allowed.
 * A route missing from this table fails the last test.
 */
type Access = 'public' | 'signed-in' | 'staff' | 'admin' | readonly RoleName[];
const unknownUser = '00000000-0000-4000-8000-000000000000';

// Issue 10: the participant list is staff's and, for their own activities, an association's.
const eventParticipantReaders = ['staff', 'admin', 'association_admin'] as const;

const cases: { method: string; path: string; route: string; access: Access; json?: unknown }[] = [
  { method: 'GET', path: '/api/health', route: '/api/health', access: 'public' },
  { method: 'GET', path: '/api/policy', route: '/api/policy', access: 'public' },
  { method: 'GET', path: '/api/strategy-tracks', route: '/api/strategy-tracks', access: 'public' },
  { method: 'GET', path: '/api/focus-areas', route: '/api/focus-areas', access: 'public' },
  { method: 'GET', path: '/api/focus-areas/kvinder', route: '/api/focus-areas/{slug}', access: 'public' },
  { method: 'GET', path: '/api/initiatives', route: '/api/initiatives', access: 'public' },
  {
    method: 'POST',
    path: '/api/auth/register',
    route: '/api/auth/register',
    access: 'public',
    json: { email: 'matrix@example.dk', password: 'matrix-kodeord-1', displayName: 'Matrix' },
  },
  {
    method: 'POST',
    path: '/api/auth/login',
    route: '/api/auth/login',
    access: 'public',
    json: { email: 'frivillig@brobygger.test', password: 'brobygger-demo' },
  },
  { method: 'POST', path: '/api/auth/logout', route: '/api/auth/logout', access: 'public' },
  {
    method: 'POST',
    path: '/api/auth/verify-email',
    route: '/api/auth/verify-email',
    access: 'public',
    json: { token: 'aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' },
  },
  {
    method: 'POST',
    path: '/api/auth/password-reset',
    route: '/api/auth/password-reset',
    access: 'public',
    json: { email: 'ingen@example.dk' },
  },
  {
    method: 'POST',
    path: '/api/auth/password-reset/confirm',
    route: '/api/auth/password-reset/confirm',
    access: 'public',
    json: {
      token: 'aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
      password: 'et-nyt-kodeord-1',
    },
  },
  {
    method: 'POST',
    path: '/api/auth/verify-email/resend',
    route: '/api/auth/verify-email/resend',
    access: 'signed-in',
  },
  {
    method: 'POST',
    path: '/api/auth/password',
    route: '/api/auth/password',
    access: 'signed-in',
    json: { currentPassword: 'forkert', newPassword: 'et-nyt-kodeord-1' },
  },
  { method: 'POST', path: '/api/auth/totp/setup', route: '/api/auth/totp/setup', access: 'signed-in' },
  {
    method: 'POST',
    path: '/api/auth/totp/enable',
    route: '/api/auth/totp/enable',
    access: 'signed-in',
    json: { code: '000000' },
  },
  {
    method: 'POST',
    path: '/api/auth/totp/disable',
    route: '/api/auth/totp/disable',
    access: 'signed-in',
    json: { password: 'x' },
  },
  { method: 'GET', path: '/api/me', route: '/api/me', access: 'signed-in' },
  { method: 'DELETE', path: '/api/me', route: '/api/me', access: 'signed-in', json: { password: 'forkert' } },
  { method: 'GET', path: '/api/me/sessions', route: '/api/me/sessions', access: 'signed-in' },
  {
    method: 'DELETE',
    path: '/api/me/sessions/aaaaaaaaaaaaaaaaaaaaaaaa',
    route: '/api/me/sessions/{id}',
    access: 'signed-in',
  },
  { method: 'GET', path: '/api/me/export', route: '/api/me/export', access: 'signed-in' },
  { method: 'GET', path: '/api/admin/users', route: '/api/admin/users', access: 'admin' },
  { method: 'GET', path: `/api/admin/users/${unknownUser}`, route: '/api/admin/users/{id}', access: 'admin' },
  {
    method: 'POST',
    path: `/api/admin/users/${unknownUser}/roles`,
    route: '/api/admin/users/{id}/roles',
    access: 'admin',
    json: { role: 'staff' },
  },
  {
    method: 'DELETE',
    path: `/api/admin/users/${unknownUser}/roles/1`,
    route: '/api/admin/users/{id}/roles/{roleId}',
    access: 'admin',
  },
  {
    method: 'POST',
    path: `/api/admin/users/${unknownUser}/disable`,
    route: '/api/admin/users/{id}/disable',
    access: 'admin',
  },
  {
    method: 'POST',
    path: `/api/admin/users/${unknownUser}/enable`,
    route: '/api/admin/users/{id}/enable',
    access: 'admin',
  },
  { method: 'GET', path: '/api/admin/audit-log', route: '/api/admin/audit-log', access: 'admin' },
  { method: 'GET', path: '/api/admin/dev-mailbox', route: '/api/admin/dev-mailbox', access: 'admin' },
  { method: 'GET', path: '/api/admin/jobs', route: '/api/admin/jobs', access: 'admin' },
  { method: 'GET', path: '/api/admin/jobs/987654321', route: '/api/admin/jobs/{id}', access: 'admin' },
  {
    method: 'POST',
    path: '/api/admin/jobs/987654321/retry',
    route: '/api/admin/jobs/{id}/retry',
    access: 'admin',
  },
  ...statusCases(),
  // Events extras (issue 9): calendar files and feeds
  {
    method: 'GET',
    path: '/api/events/987654321/calendar.ics',
    route: '/api/events/{id}/calendar.ics',
    access: 'public',
  },
  { method: 'GET', path: '/api/events/987654321.ics', route: '/api/events/{id}.ics', access: 'public' },
  { method: 'GET', path: '/api/calendar/events.ics', route: '/api/calendar/events.ics', access: 'public' },
  {
    method: 'GET',
    path: `/api/calendar/feeds/${'a'.repeat(32)}/calendar.ics`,
    route: '/api/calendar/feeds/{token}/calendar.ics',
    access: 'public',
  },
  { method: 'GET', path: '/api/me/calendar-feed', route: '/api/me/calendar-feed', access: 'signed-in' },
  { method: 'POST', path: '/api/me/calendar-feed', route: '/api/me/calendar-feed', access: 'signed-in' },
  { method: 'DELETE', path: '/api/me/calendar-feed', route: '/api/me/calendar-feed', access: 'signed-in' },
  // Events extras: on the day (unknown event: 404 for staff)
  {
    method: 'GET',
    path: '/api/events/987654321/participants',
    route: '/api/events/{id}/participants',
    // Issue 10: association roles pass the route check; the use case scopes them to their own
    access: eventParticipantReaders,
  },
  {
    method: 'GET',
    path: '/api/events/987654321/participants.csv',
    route: '/api/events/{id}/participants.csv',
    // Issue 10: association roles pass the route check; the use case scopes them to their own
    access: eventParticipantReaders,
  },
  {
    method: 'POST',
    path: '/api/events/987654321/participants/1/attendance',
    route: '/api/events/{id}/participants/{registrationId}/attendance',
    // Issue 10: association roles pass the route check; the use case scopes them to their own
    access: eventParticipantReaders,
    json: { attended: true },
  },
  {
    method: 'POST',
    path: '/api/events/987654321/check-in',
    route: '/api/events/{id}/check-in',
    // Issue 10: association roles pass the route check; the use case scopes them to their own
    access: eventParticipantReaders,
    json: { code: 'AAAA-AAAA' },
  },
  {
    method: 'GET',
    path: '/api/events/987654321/registrations/me/check-in',
    route: '/api/events/{id}/registrations/me/check-in',
    access: 'signed-in',
  },
  // Events extras: guest sign-up (forged links: a harmless 400 for anyone)
  {
    method: 'POST',
    path: '/api/events/987654321/guest-registrations',
    route: '/api/events/{id}/guest-registrations',
    access: 'public',
    json: { name: 'Matrix', email: 'matrix-gaest@example.dk' },
  },
  {
    method: 'GET',
    path: `/api/guest-registrations/${'b'.repeat(32)}`,
    route: '/api/guest-registrations/{token}',
    access: 'public',
  },
  {
    method: 'POST',
    path: `/api/guest-registrations/${'b'.repeat(32)}/confirm`,
    route: '/api/guest-registrations/{token}/confirm',
    access: 'public',
  },
  {
    method: 'POST',
    path: `/api/guest-registrations/${'b'.repeat(32)}/cancel`,
    route: '/api/guest-registrations/{token}/cancel',
    access: 'public',
  },
  // Events and sign-up (issue 9). Unknown event ids: harmless for whoever may call.
  { method: 'GET', path: '/api/events', route: '/api/events', access: 'public' },
  { method: 'GET', path: '/api/event-types', route: '/api/event-types', access: 'public' },
  { method: 'GET', path: '/api/event-drafts', route: '/api/event-drafts', access: 'staff' },
  { method: 'GET', path: '/api/events/987654321', route: '/api/events/{id}', access: 'public' },
  { method: 'POST', path: '/api/events', route: '/api/events', access: 'staff', json: { title: 'x' } },
  {
    method: 'PATCH',
    path: '/api/events/987654321',
    route: '/api/events/{id}',
    access: 'staff',
    json: { title: 'x' },
  },
  {
    method: 'POST',
    path: '/api/events/987654321/publish',
    route: '/api/events/{id}/publish',
    access: 'staff',
  },
  { method: 'POST', path: '/api/events/987654321/cancel', route: '/api/events/{id}/cancel', access: 'staff' },
  {
    method: 'POST',
    path: '/api/events/987654321/registrations',
    route: '/api/events/{id}/registrations',
    access: 'signed-in',
  },
  {
    method: 'DELETE',
    path: '/api/events/987654321/registrations/me',
    route: '/api/events/{id}/registrations/me',
    access: 'signed-in',
  },
  { method: 'GET', path: '/api/me/events', route: '/api/me/events', access: 'signed-in' },
  ...associationCases(),
  // Search (issue 12): anyone; what each finds depends on their reader keys (search.test.ts).
  { method: 'GET', path: '/api/search?q=frivillige', route: '/api/search', access: 'public' },
  // Knowledge: resource library and forum (issue 11)
  ...knowledgeCases(),
];

/** Knowledge (issue 11): unknown slugs and ids, so an allowed call answers 404 or 422. */
function knowledgeCases(): typeof cases {
  const resource = {
    kind: 'guide',
    title: '',
    audience: 'public',
  };
  return [
    { method: 'GET', path: '/api/resources', route: '/api/resources', access: 'public' },
    { method: 'GET', path: '/api/resource-tags', route: '/api/resource-tags', access: 'public' },
    { method: 'GET', path: '/api/resources/findes-ikke', route: '/api/resources/{slug}', access: 'public' },
    { method: 'POST', path: '/api/resources', route: '/api/resources', access: 'staff', json: resource },
    {
      method: 'PUT',
      path: '/api/resources/findes-ikke',
      route: '/api/resources/{slug}',
      access: 'staff',
      json: resource,
    },
    {
      method: 'POST',
      path: '/api/resources/findes-ikke/review',
      route: '/api/resources/{slug}/review',
      access: 'staff',
    },
    { method: 'GET', path: '/api/resource-reviews', route: '/api/resource-reviews', access: 'staff' },
    {
      method: 'GET',
      path: '/api/resources/findes-ikke/revisions',
      route: '/api/resources/{slug}/revisions',
      access: 'public',
    },
    {
      method: 'GET',
      path: '/api/resources/findes-ikke/diff?from=1&to=2',
      route: '/api/resources/{slug}/diff',
      access: 'public',
    },
    {
      method: 'POST',
      path: '/api/resources/findes-ikke/revisions/1/restore',
      route: '/api/resources/{slug}/revisions/{number}/restore',
      access: 'staff',
    },
    {
      method: 'POST',
      path: '/api/resources/findes-ikke/suggestions',
      route: '/api/resources/{slug}/suggestions',
      access: 'signed-in',
      json: { title: 'x', body: 'y', note: 'z' },
    },
    { method: 'GET', path: '/api/resource-suggestions', route: '/api/resource-suggestions', access: 'staff' },
    {
      method: 'POST',
      path: '/api/resource-suggestions/987654321/decision',
      route: '/api/resource-suggestions/{id}/decision',
      access: 'staff',
      json: { decision: 'reject' },
    },
    {
      method: 'POST',
      path: '/api/resources/findes-ikke/attachments',
      route: '/api/resources/{slug}/attachments',
      access: 'staff',
      json: {},
    },
    { method: 'DELETE', path: '/api/attachments/987654321', route: '/api/attachments/{id}', access: 'staff' },
    { method: 'GET', path: '/api/attachments/987654321', route: '/api/attachments/{id}', access: 'public' },
    { method: 'GET', path: '/api/forum/categories', route: '/api/forum/categories', access: 'public' },
    {
      method: 'GET',
      path: '/api/forum/categories/generelt',
      route: '/api/forum/categories/{slug}',
      access: 'public',
    },
    {
      method: 'POST',
      path: '/api/forum/threads',
      route: '/api/forum/threads',
      access: 'signed-in',
      json: { category: 'findes-ikke', kind: 'question', title: 'x', body: 'y' },
    },
    {
      method: 'GET',
      path: '/api/forum/threads/987654321',
      route: '/api/forum/threads/{id}',
      access: 'public',
    },
    {
      method: 'POST',
      path: '/api/forum/threads/987654321/posts',
      route: '/api/forum/threads/{id}/posts',
      access: 'signed-in',
      json: { body: 'x' },
    },
    {
      method: 'PUT',
      path: '/api/forum/posts/987654321',
      route: '/api/forum/posts/{id}',
      access: 'signed-in',
      json: { body: 'x' },
    },
    {
      method: 'GET',
      path: '/api/forum/posts/987654321/revisions',
      route: '/api/forum/posts/{id}/revisions',
      access: 'public',
    },
    {
      method: 'POST',
      path: '/api/forum/threads/987654321/accepted-answer',
      route: '/api/forum/threads/{id}/accepted-answer',
      access: 'signed-in',
      json: { postId: null },
    },
    {
      method: 'POST',
      path: '/api/forum/posts/987654321/flags',
      route: '/api/forum/posts/{id}/flags',
      access: 'signed-in',
      json: { reason: 'spam' },
    },
    { method: 'GET', path: '/api/forum/moderation', route: '/api/forum/moderation', access: 'staff' },
    {
      method: 'POST',
      path: '/api/forum/posts/987654321/moderation',
      route: '/api/forum/posts/{id}/moderation',
      access: 'staff',
      json: { action: 'dismiss' },
    },
    {
      method: 'POST',
      path: '/api/forum/threads/987654321/moderation',
      route: '/api/forum/threads/{id}/moderation',
      access: 'staff',
      json: { locked: true },
    },
    {
      method: 'POST',
      path: '/api/forum/follows',
      route: '/api/forum/follows',
      access: 'signed-in',
      json: { target: 'thread', id: '987654321' },
    },
    { method: 'GET', path: '/api/forum/follows', route: '/api/forum/follows', access: 'signed-in' },
    {
      method: 'POST',
      path: '/api/forum/unsubscribe',
      route: '/api/forum/unsubscribe',
      access: 'public',
      json: { token: 'a'.repeat(32) },
    },
    {
      method: 'POST',
      path: '/api/forum/threads/987654321/resource',
      route: '/api/forum/threads/{id}/resource',
      access: 'staff',
    },
  ];
}

/**
 * Associations and volunteers (issue 10). Unknown slugs, events and users: harmless for whoever
 * may call. The association admin (forening@) passes the route check of the association actions;
 * the use case then scopes them to their own association (see associations.test.ts).
 */
function associationCases(): typeof cases {
  const staff = 'staff' as const;
  const associationAdmins = ['association_admin', 'admin'] as const;
  const members = ['association_admin'] as const;
  const unknownSlug = '/api/associations/findes-ikke';
  const event = '/api/events/987654321';
  return [
    { method: 'GET', path: '/api/associations', route: '/api/associations', access: 'public' },
    { method: 'GET', path: unknownSlug, route: '/api/associations/{slug}', access: 'public' },
    { method: 'POST', path: '/api/associations', route: '/api/associations', access: 'signed-in', json: {} },
    {
      method: 'PATCH',
      path: unknownSlug,
      route: '/api/associations/{slug}',
      access: associationAdmins,
      json: {},
    },
    { method: 'DELETE', path: unknownSlug, route: '/api/associations/{slug}', access: 'signed-in' },
    {
      method: 'GET',
      path: '/api/admin/associations/pending',
      route: '/api/admin/associations/pending',
      access: staff,
    },
    {
      method: 'POST',
      path: `${unknownSlug}/verify`,
      route: '/api/associations/{slug}/verify',
      access: staff,
    },
    {
      method: 'POST',
      path: `${unknownSlug}/invitations`,
      route: '/api/associations/{slug}/invitations',
      access: associationAdmins,
      json: { email: 'ny@example.dk' },
    },
    {
      method: 'PUT',
      path: `${unknownSlug}/members/${unknownUser}`,
      route: '/api/associations/{slug}/members/{userId}',
      access: associationAdmins,
      json: { role: 'member' },
    },
    {
      method: 'DELETE',
      path: `${unknownSlug}/members/${unknownUser}`,
      route: '/api/associations/{slug}/members/{userId}',
      access: 'signed-in',
    },
    {
      method: 'GET',
      path: `/api/association-invitations/${'a'.repeat(24)}.${'b'.repeat(32)}`,
      route: '/api/association-invitations/{token}',
      access: 'public',
    },
    {
      method: 'POST',
      path: `/api/association-invitations/${'a'.repeat(24)}.${'b'.repeat(32)}/accept`,
      route: '/api/association-invitations/{token}/accept',
      access: 'signed-in',
    },
    { method: 'GET', path: '/api/me/associations', route: '/api/me/associations', access: 'signed-in' },
    {
      method: 'POST',
      path: `${unknownSlug}/activities`,
      route: '/api/associations/{slug}/activities',
      access: members,
      json: {},
    },
    { method: 'GET', path: '/api/admin/moderation', route: '/api/admin/moderation', access: staff },
    { method: 'GET', path: '/api/activities/987654321', route: '/api/activities/{id}', access: members },
    {
      method: 'PATCH',
      path: '/api/activities/987654321',
      route: '/api/activities/{id}',
      access: members,
      json: { title: 'x' },
    },
    {
      method: 'POST',
      path: '/api/activities/987654321/cancel',
      route: '/api/activities/{id}/cancel',
      access: members,
    },
    {
      method: 'POST',
      path: '/api/activities/987654321/approve',
      route: '/api/activities/{id}/approve',
      access: staff,
    },
    {
      method: 'POST',
      path: '/api/activities/987654321/reject',
      route: '/api/activities/{id}/reject',
      access: staff,
      json: { reason: 'x' },
    },
    {
      method: 'POST',
      path: '/api/activities/987654321/unpublish',
      route: '/api/activities/{id}/unpublish',
      access: staff,
      json: {},
    },
    {
      method: 'GET',
      path: '/api/volunteers/me',
      route: '/api/volunteers/me',
      access: 'signed-in',
    },
    {
      method: 'PUT',
      path: '/api/volunteers/me',
      route: '/api/volunteers/me',
      access: 'signed-in',
      json: { consent: 'not a boolean' },
    },
    {
      method: 'GET',
      path: '/api/volunteers/me/history',
      route: '/api/volunteers/me/history',
      access: 'signed-in',
    },
    { method: 'GET', path: '/api/volunteers', route: '/api/volunteers', access: staff },
    {
      method: 'GET',
      path: `/api/volunteers/${unknownUser}`,
      route: '/api/volunteers/{userId}',
      access: staff,
    },
    {
      method: 'GET',
      path: `${event}/volunteer-matches`,
      route: '/api/events/{id}/volunteer-matches',
      access: staff,
    },
    {
      method: 'PUT',
      path: `${event}/volunteer-languages`,
      route: '/api/events/{id}/volunteer-languages',
      access: staff,
      json: { languages: ['ti'] },
    },
    {
      method: 'POST',
      path: `${event}/volunteer-invitations`,
      route: '/api/events/{id}/volunteer-invitations',
      access: staff,
      json: { userIds: [unknownUser] },
    },
  ];
}

/** Status reports (issue 13): the lead owner is tovholder@ (kvinder and viden-og-videndeling). */
function statusCases(): typeof cases {
  const readers = ['lead_owner', 'steering_group', 'admin'] as const;
  const lead = ['lead_owner'] as const;
  const reviewers = ['steering_group', 'admin'] as const;
  const submittedReaders = ['staff', 'lead_owner', 'steering_group', 'admin'] as const;
  const area = '/api/focus-areas/kvinder';
  const report = '/api/status-reports/987654';
  return [
    {
      method: 'GET',
      path: '/api/focus-areas/kvinder/status',
      route: '/api/focus-areas/{slug}/status',
      access: 'public',
    },
    {
      method: 'GET',
      path: `${area}/status-reports`,
      route: '/api/focus-areas/{slug}/status-reports',
      access: readers,
    },
    {
      method: 'GET',
      path: `${area}/description`,
      route: '/api/focus-areas/{slug}/description',
      access: readers,
    },
    {
      method: 'PUT',
      path: `${area}/description`,
      route: '/api/focus-areas/{slug}/description',
      access: lead,
      json: {},
    },
    {
      method: 'POST',
      path: `${area}/initiatives`,
      route: '/api/focus-areas/{slug}/initiatives',
      access: lead,
      json: {},
    },
    {
      method: 'PUT',
      path: `${area}/initiatives/987654`,
      route: '/api/focus-areas/{slug}/initiatives/{id}',
      access: lead,
      json: {},
    },
    {
      method: 'POST',
      path: `${area}/status-reports`,
      route: '/api/focus-areas/{slug}/status-reports',
      access: lead,
      json: {},
    },
    { method: 'GET', path: '/api/status-reports', route: '/api/status-reports', access: submittedReaders },
    { method: 'GET', path: report, route: '/api/status-reports/{id}', access: submittedReaders },
    { method: 'PUT', path: report, route: '/api/status-reports/{id}', access: lead, json: {} },
    { method: 'DELETE', path: report, route: '/api/status-reports/{id}', access: lead },
    // Uploaded files: the area's lead owners add and remove; the route lets staff, lead owners and
    // reviewers ask for one, and the use case checks the report's area and state (403).
    {
      method: 'POST',
      path: `${report}/attachments`,
      route: '/api/status-reports/{id}/attachments',
      access: lead,
      json: {},
    },
    {
      method: 'GET',
      path: `${report}/attachments/1`,
      route: '/api/status-reports/{id}/attachments/{attachmentId}',
      access: submittedReaders,
    },
    {
      method: 'DELETE',
      path: `${report}/attachments/1`,
      route: '/api/status-reports/{id}/attachments/{attachmentId}',
      access: lead,
    },
    { method: 'POST', path: `${report}/submit`, route: '/api/status-reports/{id}/submit', access: lead },
    {
      method: 'POST',
      path: `${report}/acknowledge`,
      route: '/api/status-reports/{id}/acknowledge',
      access: reviewers,
      json: {},
    },
    {
      method: 'POST',
      path: `${report}/return`,
      route: '/api/status-reports/{id}/return',
      access: reviewers,
      json: {},
    },
    {
      method: 'POST',
      path: `${report}/comments`,
      route: '/api/status-reports/{id}/comments',
      access: submittedReaders,
      json: {},
    },
    { method: 'GET', path: '/api/steering/overview', route: '/api/steering/overview', access: reviewers },
    {
      method: 'GET',
      path: '/api/steering/periods/2027-03/pack',
      route: '/api/steering/periods/{period}/pack',
      access: reviewers,
    },
    {
      method: 'POST',
      path: '/api/steering/periods/2027-04/close',
      route: '/api/steering/periods/{period}/close',
      access: reviewers,
    },
    { method: 'GET', path: '/api/steering/export.csv', route: '/api/steering/export.csv', access: reviewers },
  ];
}

const roles = {
  anonymous: null,
  volunteer: 'frivillig@brobygger.test',
  association_admin: 'forening@brobygger.test',
  staff: 'medarbejder@brobygger.test',
  lead_owner: 'tovholder@brobygger.test',
  steering_group: 'styregruppe@brobygger.test',
  admin: 'admin@brobygger.test',
} as const;
type RoleName = keyof typeof roles;

function expectedStatus(access: Access, role: RoleName): 'allowed' | 401 | 403 {
  if (access === 'public') return 'allowed';
  if (Array.isArray(access)) {
    if (role === 'anonymous') return 401;
    return access.includes(role) ? 'allowed' : 403;
  }
  if (role === 'anonymous') return 401;
  if (access === 'signed-in') return 'allowed';
  if (access === 'staff') return role === 'staff' || role === 'admin' ? 'allowed' : 403;
  return role === 'admin' ? 'allowed' : 403;
}

describe('the permission matrix', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  const userIds = new Map<RoleName, string>();

  beforeAll(async () => {
    api = await createTestApi('pglite');
    await seedDemoAccounts(api.db);
    for (const [role, email] of Object.entries(roles) as [RoleName, string | null][]) {
      if (!email) continue;
      const user = await findUserByEmail(api.db, email);
      if (!user) throw new Error(`missing demo user ${email}`);
      userIds.set(role, user.id);
    }
  });
  afterAll(async () => {
    await api?.close();
  });

  for (const testCase of cases) {
    for (const role of Object.keys(roles) as RoleName[]) {
      const expected = expectedStatus(testCase.access, role);
      it(`${testCase.method} ${testCase.route} as ${role} → ${expected}`, async () => {
        const userId = userIds.get(role);
        // A fresh session for every case, so logging out in one case cannot affect another.
        const token = userId ? (await createSession(api.db, userId)).token : undefined;
        const res = await call(api.app, testCase.method, testCase.path, {
          ...(token ? { token } : {}),
          ...(testCase.json !== undefined ? { json: testCase.json } : {}),
          ip: `10.${Object.keys(roles).indexOf(role)}.${cases.indexOf(testCase)}.1`,
        });
        if (expected === 'allowed') {
          expect([401, 403], `${res.status} ${res.text}`).not.toContain(res.status);
          expect(res.status).toBeLessThan(500);
        } else {
          expect(res.status, res.text).toBe(expected);
          expect(res.json.error.code).toBe(expected === 401 ? 'unauthorized' : 'forbidden');
        }
      });
    }
  }

  it('covers every route of the OpenAPI document', async () => {
    const doc = (await call(api.app, 'GET', '/api/openapi.json')).json as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const covered = new Set(cases.map((testCase) => `${testCase.method} ${testCase.route}`));
    expect(documented.filter((route) => !covered.has(route))).toEqual([]);
    expect([...covered].filter((route) => !documented.includes(route))).toEqual([]);
  });
});
