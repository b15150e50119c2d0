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
}

export interface FocusAreaInitiativesTable {
  focus_area_id: number;
  initiative_id: number;
  position: number;
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
}

export type FocusAreaRow = Selectable<FocusAreasTable>;
export type NewFocusArea = Insertable<FocusAreasTable>;
export type FocusAreaUpdate = Updateable<FocusAreasTable>;
export type InitiativeRow = Selectable<InitiativesTable>;
export type NewInitiative = Insertable<InitiativesTable>;
