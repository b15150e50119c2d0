import type {
  DescriptionRevisionView,
  PublicStatusView,
  StatusReportView,
  StatusWorkspaceView,
  SteeringOverviewView,
  SteeringPackView,
} from '@brobygger/api';
import type { AppLoadContext } from '@remix-run/node';
import { data } from '@remix-run/node';
import type { ApiClient } from '../load-context';
import { apiFailure } from './api-failure.server';
import { requireUser, requireVisitor } from './session.server';

// The status-report pages' calls to the API (issue 13). The API decides who may see what; a page
// turns its 401/403 into the sign-in redirect or the 403 page.

export type {
  DescriptionRevisionView,
  PublicStatusView,
  StatusReportView,
  StatusWorkspaceView,
  SteeringOverviewView,
  SteeringPackView,
};

function refused(status: number, endpoint: string): never {
  if (status === 403) throw data({ reason: 'role' }, { status: 403 });
  return apiFailure(endpoint, status);
}

export async function loadWorkspace(request: Request, context: AppLoadContext, slug: string) {
  await requireUser(request, context);
  const response = await context.api.api['focus-areas'][':slug']['status-reports'].$get({ param: { slug } });
  if (!response.ok) refused(response.status, 'GET /api/focus-areas/:slug/status-reports');
  return ((await response.json()) as unknown as { workspace: StatusWorkspaceView }).workspace;
}

export async function loadDescriptionHistory(context: AppLoadContext, slug: string) {
  const response = await context.api.api['focus-areas'][':slug'].description.$get({ param: { slug } });
  if (!response.ok) refused(response.status, 'GET /api/focus-areas/:slug/description');
  return ((await response.json()) as unknown as { revisions: DescriptionRevisionView[] }).revisions;
}

export async function loadReport(request: Request, context: AppLoadContext, id: string) {
  await requireUser(request, context);
  if (!/^[1-9]\d{0,9}$/.test(id)) throw data({ about: 'page' }, { status: 404 });
  const response = await context.api.api['status-reports'][':id'].$get({ param: { id } });
  if (!response.ok) refused(response.status, 'GET /api/status-reports/:id');
  return ((await response.json()) as unknown as { report: StatusReportView }).report;
}

/** The steering overview: a shared page's only read (the same for the whole steering group). */
export async function loadOverview(request: Request, context: AppLoadContext) {
  await requireVisitor(request, context);
  const response = await context.api.api.steering.overview.$get();
  if (!response.ok) refused(response.status, 'GET /api/steering/overview');
  return ((await response.json()) as unknown as { overview: SteeringOverviewView }).overview;
}

export async function loadPack(request: Request, context: AppLoadContext, period: string) {
  await requireUser(request, context);
  const response = await context.api.api.steering.periods[':period'].pack.$get({ param: { period } });
  if (!response.ok) refused(response.status, 'GET /api/steering/periods/:period/pack');
  return ((await response.json()) as unknown as { pack: SteeringPackView }).pack;
}

export async function loadPublicStatus(api: ApiClient, slug: string): Promise<PublicStatusView | null> {
  const response = await api.api['focus-areas'][':slug'].status.$get({ param: { slug } });
  if (response.status >= 400 && response.status < 500) return null;
  if (!response.ok) apiFailure('GET /api/focus-areas/:slug/status', response.status);
  return ((await response.json()) as unknown as { status: PublicStatusView }).status;
}

/** A number typed in a Danish form: "12,5" or "12.5"; NaN when it is not one (the API says why). */
export function parseFormNumber(text: string): number | string {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') return '';
  const normalised = trimmed.replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : trimmed;
}

/** A stable key from a name, for new goals and indicators ("Kvinder i job" → "kvinder-i-job"). */
export function keyFrom(name: string, taken: Set<string>): string {
  const base =
    name
      .toLowerCase()
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'oe')
      .replace(/å/g, 'aa')
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 32) || 'punkt';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  taken.add(key);
  return key;
}
