// Search sources of the policy and events (issue 12): focus areas, initiatives, published events.
import {
  findFocusAreaForSearch,
  findInitiativeForSearch,
  findPublishedEventForSearch,
  listFocusAreaSlugs,
  listInitiativeIds,
  listPublishedEventIds,
} from '@brobygger/db';
import type { SearchDocument } from '@brobygger/search';
import { markdownToText } from './plain-text.ts';
import type { SearchSource } from './sources.ts';

const numericId = (id: string) => (/^\d{1,9}$/.test(id) ? Number(id) : null);
const firstSentences = (text: string, max = 240) => {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, clean.lastIndexOf(' ', max))}…`;
};

export const focusAreaSource: SearchSource = {
  async load(db, slug) {
    const area = await findFocusAreaForSearch(db, slug);
    if (!area) return null;
    const body = [
      ...area.aims,
      area.tracks.map((t) => [t.name, t.also_written].filter(Boolean).join(' ')).join('. '),
      `Tovholder: ${area.lead_unit}.`,
      area.partners.length ? `Samarbejdspartnere: ${area.partners.map((p) => p.name).join(', ')}.` : '',
      area.initiatives.length ? `Indsatser: ${area.initiatives.map((i) => i.name).join(', ')}.` : '',
      `${area.municipality}s integrationspolitik: ${area.vision}`,
    ].filter(Boolean);
    return {
      type: 'focus_area',
      id: area.slug,
      title: area.name,
      summary: area.why,
      body: body.join('\n'),
      url: `/fokusomraader/${area.slug}`,
      focusAreas: [area.slug],
      tags: [area.kind === 'target-group' ? 'målgruppe' : 'fokusområde'],
      readers: ['public'],
      updatedAt: area.updated_at,
    } satisfies SearchDocument;
  },
  ids: listFocusAreaSlugs,
};

export const initiativeSource: SearchSource = {
  async load(db, id) {
    const key = numericId(id);
    const initiative = key === null ? undefined : await findInitiativeForSearch(db, key);
    if (!initiative) return null;
    const first = initiative.focusAreas[0];
    const description = initiative.description ?? '';
    return {
      type: 'initiative',
      id: String(initiative.id),
      title: initiative.name,
      summary: description
        ? firstSentences(description)
        : `Indsats under ${initiative.focusAreas.map((a) => a.name).join(' og ') || 'integrationspolitikken'}.`,
      body: [
        description,
        initiative.responsible_unit ? `Ansvarlig: ${initiative.responsible_unit}.` : '',
        initiative.partners.length ? `Samarbejdspartnere: ${initiative.partners.join(', ')}.` : '',
        `Fokusområder: ${initiative.focusAreas.map((a) => a.name).join(', ')}.`,
      ]
        .filter(Boolean)
        .join('\n'),
      url: first ? `/fokusomraader/${first.slug}` : '/fokusomraader',
      focusAreas: initiative.focusAreas.map((a) => a.slug),
      tags: ['indsats'],
      readers: ['public'],
      updatedAt: initiative.updated_at,
    } satisfies SearchDocument;
  },
  async ids(db) {
    return (await listInitiativeIds(db)).map(String);
  },
};

export const eventSource: SearchSource = {
  async load(db, id) {
    const key = numericId(id);
    const event = key === null ? undefined : await findPublishedEventForSearch(db, key);
    if (!event) return null;
    const text = markdownToText(event.description);
    return {
      type: 'event',
      id: String(event.id),
      title: event.title,
      summary: firstSentences(text) || event.type_name,
      body: [text, event.type_name, event.address ?? '', `Arrangør: ${event.organiser_name}.`]
        .filter(Boolean)
        .join('\n'),
      url: `/arrangementer/${event.id}`,
      focusAreas: event.focusAreas.map((a) => a.slug),
      tags: [event.type_slug],
      readers: ['public'],
      updatedAt: event.updated_at,
    } satisfies SearchDocument;
  },
  async ids(db) {
    return (await listPublishedEventIds(db)).map(String);
  },
};
