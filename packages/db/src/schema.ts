import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface PoliciesTable {
  id: Generated<number>;
  slug: string;
  municipality: string;
  period_from: number;
  period_to: number;
  vision: string;
  lead_owner_duties: string[];
  status_report_months: number[];
  status_report_audience: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface StrategyTracksTable {
  id: Generated<number>;
  slug: string;
  name: string;
  also_written: string | null;
  position: number;
}

export interface OrganisationalUnitsTable {
  id: Generated<number>;
  name: string;
  reports_to: string | null;
}

export interface FocusAreasTable {
  id: Generated<number>;
  policy_id: number;
  slug: string;
  name: string;
  kind: 'focus-area' | 'target-group';
  why: string;
  aims: string[];
  position: number;
  lead_unit_id: number;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface FocusAreaTracksTable {
  focus_area_id: number;
  strategy_track_id: number;
  position: number;
}

export interface FocusAreaPartnersTable {
  focus_area_id: number;
  unit_id: number;
  position: number;
}

export interface InitiativesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string | null;
  listed_year: number;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  // Status reports (issue 13)
  status: ColumnType<string, string | undefined, string>;
  responsible_unit: ColumnType<string, string | undefined, string>;
  partners: ColumnType<string[], string[] | undefined, string[]>;
  starts_on: ColumnType<string | null, string | null | undefined, string | null>;
  ends_on: ColumnType<string | null, string | null | undefined, string | null>;
  links: ColumnType<unknown, string | undefined, string>;
}

export interface FocusAreaInitiativesTable {
  focus_area_id: number;
  initiative_id: number;
  position: number;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  email_verified_at: Date | null;
  password_hash: string;
  display_name: string;
  locale: Generated<string>;
  totp_key: Uint8Array | null;
  totp_enabled_at: Date | null;
  totp_last_step: number | null;
  disabled_at: Date | null;
  password_changed_at: Generated<Date>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AssociationsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  verified_at: Date | null;
  created_at: CreatedAt;
  // Associations and volunteers (issue 10, migration 2026-11-27T0400-associations)
  cvr: ColumnType<string | null, string | null | undefined, string | null>;
  description: ColumnType<string, string | undefined, string>;
  contact_name: ColumnType<string | null, string | null | undefined, string | null>;
  email: ColumnType<string | null, string | null | undefined, string | null>;
  phone: ColumnType<string | null, string | null | undefined, string | null>;
  website: ColumnType<string | null, string | null | undefined, string | null>;
  address: ColumnType<string | null, string | null | undefined, string | null>;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  created_by: ColumnType<string | null, string | null | undefined, string | null>;
  verified_by: ColumnType<string | null, string | null | undefined, string | null>;
  updated_at: UpdatedAt;
}

export interface UserRolesTable {
  id: Generated<number>;
  user_id: string;
  role: string;
  focus_area_id: number | null;
  association_id: number | null;
  granted_by: string | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  secret_hash: Uint8Array;
  created_at: CreatedAt;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface AuthTokensTable {
  id: string;
  user_id: string;
  purpose: 'verify-email' | 'reset-password';
  secret_hash: Uint8Array;
  created_at: CreatedAt;
  expires_at: Date;
  used_at: Date | null;
}

export interface RecoveryCodesTable {
  id: Generated<number>;
  user_id: string;
  code_hash: Uint8Array;
  used_at: Date | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  last_failure_at: ColumnType<Date, Date | string | undefined, Date | string>;
  blocked_until: Date | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  occurred_at: CreatedAt;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  user_agent: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface EmailOutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  text_body: string;
  kind: string;
  created_at: CreatedAt;
  sent_at: Date | null;
  /** Attachments with text content (migration 2026-11-27T0310-email-attachments), or null. */
  attachments: ColumnType<EmailAttachment[] | null, string | null | undefined, string | null>;
}

export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export type JobState = 'pending' | 'running' | 'done' | 'dead';

export interface JobsTable {
  id: Generated<number>;
  type: string;
  payload: ColumnType<Record<string, unknown>, string | undefined, string>;
  /** Unique when set: an enqueue with an existing key does nothing. */
  key: string | null;
  state: ColumnType<JobState, JobState | undefined, JobState>;
  run_at: ColumnType<Date, Date | string | undefined, Date | string>;
  attempts: Generated<number>;
  locked_by: string | null;
  locked_until: Date | null;
  last_error: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  finished_at: Date | null;
}

/** One row: how many times public data (the policy's tables) has changed; bumped by triggers. */
export interface PublicDataGenerationTable {
  id: Generated<boolean>;
  generation: Generated<number>;
}

export interface Database {
  policies: PoliciesTable;
  strategy_tracks: StrategyTracksTable;
  organisational_units: OrganisationalUnitsTable;
  focus_areas: FocusAreasTable;
  focus_area_tracks: FocusAreaTracksTable;
  focus_area_partners: FocusAreaPartnersTable;
  initiatives: InitiativesTable;
  focus_area_initiatives: FocusAreaInitiativesTable;
  users: UsersTable;
  associations: AssociationsTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  auth_tokens: AuthTokensTable;
  recovery_codes: RecoveryCodesTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  email_outbox: EmailOutboxTable;
  jobs: JobsTable;
  public_data_generation: PublicDataGenerationTable;
  // Status reports (issue 13)
  focus_area_descriptions: FocusAreaDescriptionsTable;
  reporting_period_closures: ReportingPeriodClosuresTable;
  status_reports: StatusReportsTable;
  status_report_revisions: StatusReportRevisionsTable;
  status_report_transitions: StatusReportTransitionsTable;
  status_report_comments: StatusReportCommentsTable;
  status_report_indicator_values: StatusReportIndicatorValuesTable;
  status_report_attachments: StatusReportAttachmentsTable;
  status_notifications: StatusNotificationsTable;
  // Events and sign-up (issue 9)
  event_types: EventTypesTable;
  event_series: EventSeriesTable;
  events: EventsTable;
  event_focus_areas: EventFocusAreasTable;
  event_languages: EventLanguagesTable;
  event_registrations: EventRegistrationsTable;
  calendar_feed_tokens: CalendarFeedTokensTable;
  // Associations and volunteers (issue 10)
  association_focus_areas: AssociationFocusAreasTable;
  association_invitations: AssociationInvitationsTable;
  activity_moderation: ActivityModerationTable;
  volunteer_profiles: VolunteerProfilesTable;
  volunteer_languages: VolunteerLanguagesTable;
  volunteer_interests: VolunteerInterestsTable;
  event_volunteer_languages: EventVolunteerLanguagesTable;
  volunteer_invitations: VolunteerInvitationsTable;
  event_erased_attendance: EventErasedAttendanceTable;
  // Search (issue 12)
  search_documents: SearchDocumentsTable;
  search_lexicon: SearchLexiconTable;
  // Knowledge (issue 11)
  resources: ResourcesTable;
  resource_revisions: ResourceRevisionsTable;
  resource_tags: ResourceTagsTable;
  resource_focus_areas: ResourceFocusAreasTable;
  resource_suggestions: ResourceSuggestionsTable;
  resource_attachments: ResourceAttachmentsTable;
  forum_threads: ForumThreadsTable;
  forum_posts: ForumPostsTable;
  forum_post_revisions: ForumPostRevisionsTable;
  forum_flags: ForumFlagsTable;
  forum_moderation_notes: ForumModerationNotesTable;
  forum_follows: ForumFollowsTable;
  forum_digest_state: ForumDigestStateTable;
}

export type JobRow = Selectable<JobsTable>;

export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;

export type FocusAreaRow = Selectable<FocusAreasTable>;
export type NewFocusArea = Insertable<FocusAreasTable>;
export type FocusAreaUpdate = Updateable<FocusAreasTable>;
export type InitiativeRow = Selectable<InitiativesTable>;
export type NewInitiative = Insertable<InitiativesTable>;

// ---- Status reports (issue 13) ----

type Json = ColumnType<unknown, string, string>;

export interface FocusAreaDescriptionsTable {
  id: Generated<number>;
  focus_area_id: number;
  revision: number;
  content: Json;
  author_id: string | null;
  created_at: CreatedAt;
}

export interface ReportingPeriodClosuresTable {
  period_key: string;
  closed_at: CreatedAt;
  closed_by: string | null;
}

export interface StatusReportsTable {
  id: Generated<number>;
  focus_area_id: number;
  period_key: string;
  state: ColumnType<string, string | undefined, string>;
  overall_status: string | null;
  content: Json;
  revision: ColumnType<number, number | undefined, number>;
  created_by: string | null;
  submitted_at: Date | null;
  acknowledged_at: Date | null;
  returned_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface StatusReportRevisionsTable {
  id: Generated<number>;
  report_id: number;
  revision: number;
  content: Json;
  author_id: string | null;
  created_at: CreatedAt;
}

export interface StatusReportTransitionsTable {
  id: Generated<number>;
  report_id: number;
  from_state: string;
  to_state: string;
  actor_id: string | null;
  comment: string | null;
  created_at: CreatedAt;
}

export interface StatusReportCommentsTable {
  id: Generated<number>;
  report_id: number;
  author_id: string | null;
  body: string;
  created_at: CreatedAt;
}

export interface StatusReportIndicatorValuesTable {
  report_id: number;
  indicator_key: string;
  unit: string;
  value: number;
  comment: ColumnType<string, string | undefined, string>;
}

/** A file uploaded to a report; its bytes are in the file store under `storage_key` (ADR 0018). */
export interface StatusReportAttachmentsTable {
  id: Generated<number>;
  report_id: number;
  storage_key: string;
  file_name: string;
  content_type: string;
  size_bytes: ColumnType<string, number | string, number | string>;
  uploaded_by: string | null;
  created_at: CreatedAt;
}

export interface StatusNotificationsTable {
  key: string;
  created_at: CreatedAt;
}

// Events and sign-up (migration 2026-11-27T0300-events).

export interface EventTypesTable {
  id: Generated<number>;
  slug: string;
  name_da: string;
  name_en: string;
  position: Generated<number>;
}

export type EventSeriesFrequency = 'weekly' | 'every-other-week' | 'monthly-weekday';

export interface EventSeriesTable {
  id: Generated<number>;
  frequency: EventSeriesFrequency;
  /** Monthly on a weekday: 1–4, or -1 for the last week; null otherwise. */
  week_of_month: number | null;
  /** The last day an occurrence may fall on (a date in Europe/Copenhagen, 'YYYY-MM-DD'). */
  until_date: ColumnType<string, string, string>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type EventStatusColumn = 'draft' | 'published' | 'cancelled';

export interface EventsTable {
  id: Generated<number>;
  type_id: number;
  title: string;
  /** Markdown as written; sanitised when rendered. */
  description: Generated<string>;
  starts_at: ColumnType<Date, Date | string, Date | string>;
  ends_at: ColumnType<Date, Date | string, Date | string>;
  address: string | null;
  online_url: string | null;
  /** null = unlimited. */
  capacity: number | null;
  /** null = open until the start. */
  signup_deadline: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  organiser_name: string;
  organiser_user_id: string | null;
  association_id: number | null;
  status: ColumnType<EventStatusColumn, EventStatusColumn | undefined, EventStatusColumn>;
  reminder_hours: Generated<number>;
  step_free: Generated<boolean>;
  hearing_loop: Generated<boolean>;
  interpreter: Generated<boolean>;
  childcare: Generated<boolean>;
  series_id: number | null;
  created_by: string | null;
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  cancelled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface EventFocusAreasTable {
  event_id: number;
  focus_area_id: number;
}

export interface EventLanguagesTable {
  event_id: number;
  /** ISO 639-1 (or 639-3) code, lower case. */
  language: string;
}

export type RegistrationStatusColumn = 'confirmed' | 'waitlisted' | 'pending_guest' | 'cancelled';

type Timestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface EventRegistrationsTable {
  id: Generated<number>;
  event_id: number;
  user_id: string | null;
  guest_name: string | null;
  guest_email: string | null;
  status: RegistrationStatusColumn;
  /** Arrival order in the queue (from event_registration_queue_seq), taken under the event's row lock. */
  queue_seq: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  confirmed_at: Timestamp;
  cancelled_at: Timestamp;
  check_in_code: string | null;
  attended_at: Timestamp;
  reminded_at: Timestamp;
  guest_token_hash: Uint8Array | null;
  guest_expires_at: Timestamp;
}

export interface CalendarFeedTokensTable {
  id: Generated<number>;
  user_id: string;
  token_hash: Uint8Array;
  created_at: CreatedAt;
  revoked_at: Timestamp;
}

export type EventTypeRow = Selectable<EventTypesTable>;
export type EventRow = Selectable<EventsTable>;
export type NewEvent = Insertable<EventsTable>;
export type EventUpdate = Updateable<EventsTable>;
export type EventSeriesRow = Selectable<EventSeriesTable>;
export type EventRegistrationRow = Selectable<EventRegistrationsTable>;
export type NewEventRegistration = Insertable<EventRegistrationsTable>;
export type CalendarFeedTokenRow = Selectable<CalendarFeedTokensTable>;

// ---- Associations and volunteers (issue 10, migration 2026-11-27T0400-associations) ----

export interface AssociationFocusAreasTable {
  association_id: number;
  focus_area_id: number;
}

export interface AssociationInvitationsTable {
  id: string;
  association_id: number;
  email: string;
  role: 'admin' | 'member';
  secret_hash: Uint8Array;
  invited_by: string | null;
  created_at: CreatedAt;
  expires_at: Date;
  used_at: Date | null;
  used_by: string | null;
}

export type ActivityModerationState = 'pending' | 'approved' | 'rejected' | 'unpublished' | 'auto';

export interface ActivityModerationTable {
  event_id: number;
  association_id: number | null;
  posted_by: string | null;
  state: ActivityModerationState;
  reason: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  created_at: CreatedAt;
}

export interface VolunteerProfilesTable {
  user_id: string;
  skills: ColumnType<string[], string[] | undefined, string[]>;
  skills_other: ColumnType<string, string | undefined, string>;
  availability: ColumnType<string[], string[] | undefined, string[]>;
  presentation: ColumnType<string, string | undefined, string>;
  consent_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface VolunteerLanguagesTable {
  user_id: string;
  language: string;
  /** 0 basic, 1 good, 2 fluent, 3 native */
  level: number;
}

export interface VolunteerInterestsTable {
  user_id: string;
  focus_area_id: number;
}

export interface EventVolunteerLanguagesTable {
  event_id: number;
  language: string;
}

export interface VolunteerInvitationsTable {
  event_id: number;
  user_id: string;
  invited_by: string | null;
  created_at: CreatedAt;
}

export interface EventErasedAttendanceTable {
  event_id: number;
  attended: ColumnType<number, number | undefined, number>;
}

// Search (issue 12)
export interface SearchDocumentsTable {
  type: string;
  id: string;
  title: string;
  summary: string;
  body: string;
  url: string;
  focus_areas: string[];
  tags: string[];
  readers: string[];
  /** Written with sql (setweight(to_tsvector('danish', …))); never read as a value. */
  tsv: ColumnType<string, never, never>;
  title_tsv: ColumnType<string, never, never>;
  updated_at: ColumnType<Date, Date | string, Date | string>;
  indexed_at: ColumnType<Date, Date | string, Date | string>;
}

export interface SearchLexiconTable {
  word: string;
  folded: string;
  bare: string;
}

// ---- Knowledge: resource library and forum (issue 11) ----

export type ResourceKindColumn = 'guide' | 'document' | 'link' | 'contact' | 'template';
export type ResourceAudienceColumn = 'public' | 'volunteers' | 'associations' | 'staff';
type Moment = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface ResourcesTable {
  id: Generated<number>;
  slug: string;
  kind: ResourceKindColumn;
  title: string;
  summary: Generated<string>;
  body: Generated<string>;
  url: string | null;
  audience: ResourceAudienceColumn;
  revision: Generated<number>;
  last_reviewed_at: Moment;
  last_reviewed_by: string | null;
  created_by: string | null;
  source_post_id: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ResourceRevisionsTable {
  id: Generated<number>;
  resource_id: number;
  number: number;
  kind: ResourceKindColumn;
  title: string;
  summary: string;
  body: string;
  url: string | null;
  audience: ResourceAudienceColumn;
  tags: string[];
  focus_areas: string[];
  note: Generated<string>;
  author_id: string | null;
  created_at: CreatedAt;
}

export interface ResourceTagsTable {
  resource_id: number;
  tag: string;
}

export interface ResourceFocusAreasTable {
  resource_id: number;
  focus_area_id: number;
}

export interface ResourceSuggestionsTable {
  id: Generated<number>;
  resource_id: number;
  base_revision: number;
  title: string;
  summary: string;
  body: string;
  note: string;
  author_id: string | null;
  status: Generated<'pending' | 'accepted' | 'rejected'>;
  decided_by: string | null;
  decided_at: Moment;
  decision_note: Generated<string>;
  created_at: CreatedAt;
}

export interface ResourceAttachmentsTable {
  id: Generated<number>;
  resource_id: number;
  storage_key: string;
  file_name: string;
  content_type: string;
  size_bytes: ColumnType<string, number | string, number | string>;
  extracted_text: string | null;
  extracted_at: Moment;
  uploaded_by: string | null;
  created_at: CreatedAt;
}

export interface ForumThreadsTable {
  id: Generated<number>;
  focus_area_id: number | null;
  kind: 'question' | 'discussion';
  title: string;
  author_id: string | null;
  accepted_post_id: number | null;
  resource_id: number | null;
  locked_at: Moment;
  hidden_at: Moment;
  last_post_at: UpdatedAt;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ForumPostsTable {
  id: Generated<number>;
  thread_id: number;
  author_id: string | null;
  body: string;
  is_opening: Generated<boolean>;
  hidden_at: Moment;
  hidden_by: string | null;
  edited_at: Moment;
  created_at: CreatedAt;
}

export interface ForumPostRevisionsTable {
  id: Generated<number>;
  post_id: number;
  body: string;
  editor_id: string | null;
  created_at: CreatedAt;
}

export interface ForumFlagsTable {
  id: Generated<number>;
  post_id: number;
  reporter_id: string | null;
  reason: string;
  note: Generated<string>;
  resolved_at: Moment;
  resolved_by: string | null;
  resolution: string | null;
  created_at: CreatedAt;
}

export interface ForumModerationNotesTable {
  id: Generated<number>;
  thread_id: number;
  post_id: number | null;
  action: string;
  note: Generated<string>;
  staff_id: string | null;
  created_at: CreatedAt;
}

export interface ForumFollowsTable {
  id: Generated<number>;
  user_id: string;
  thread_id: number | null;
  category: string | null;
  created_at: CreatedAt;
}

export interface ForumDigestStateTable {
  user_id: string;
  last_post_id: Generated<number>;
  last_sent_at: Moment;
  unsubscribe_token: Uint8Array;
}

export type ResourceRow = Selectable<ResourcesTable>;
export type ResourceRevisionRow = Selectable<ResourceRevisionsTable>;
export type ResourceAttachmentRow = Selectable<ResourceAttachmentsTable>;
export type ForumThreadRow = Selectable<ForumThreadsTable>;
export type ForumPostRow = Selectable<ForumPostsTable>;
