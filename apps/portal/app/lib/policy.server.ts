import type { ApiClient } from '../load-context';
import { apiFailure } from './api-failure.server';

export async function getPolicy(api: ApiClient) {
  const response = await api.api.policy.$get();
  if (!response.ok) apiFailure('GET /api/policy', response.status);
  const { policy } = await response.json();
  return policy;
}

export async function getFocusAreas(api: ApiClient) {
  const response = await api.api['focus-areas'].$get();
  if (!response.ok) apiFailure('GET /api/focus-areas', response.status);
  const { focusAreas } = await response.json();
  return [...focusAreas].sort((a, b) => a.position - b.position);
}

/** The focus area, or `null` when the API knows no focus area by that slug (or rejects the slug). */
export async function getFocusArea(api: ApiClient, slug: string) {
  const response = await api.api['focus-areas'][':slug'].$get({ param: { slug } });
  if (response.status >= 400 && response.status < 500) return null;
  if (!response.ok) apiFailure('GET /api/focus-areas/:slug', response.status);
  const { focusArea } = await response.json();
  return focusArea;
}

/** A focus area's initiatives, each with every focus area it belongs to. */
export async function getInitiativesOfFocusArea(api: ApiClient, focusArea: string) {
  const response = await api.api.initiatives.$get({ query: { focusArea } });
  if (!response.ok) apiFailure('GET /api/initiatives', response.status);
  const { initiatives } = await response.json();
  return initiatives;
}
