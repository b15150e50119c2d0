import { findAssociationById } from '@brobygger/db';
import type { SearchSource } from '../../search/sources.ts';

/** Associations in search: verified ones only, findable by everyone. */
export const associationSearchSource: SearchSource = {
  async load(db, id) {
    const numeric = Number(id);
    if (!Number.isInteger(numeric) || numeric <= 0) return null;
    const association = await findAssociationById(db, numeric);
    if (!association?.verified_at) return null;
    const summary = association.description.split(/\n\s*\n/)[0]?.slice(0, 300) ?? '';
    return {
      type: 'association',
      id: String(association.id),
      title: association.name,
      summary,
      body: [association.description, association.address ?? '', association.contact_name ?? ''].join('\n'),
      url: `/foreninger/${association.slug}`,
      focusAreas: association.focus_areas.map((area) => area.slug),
      tags: association.languages,
      readers: ['public'],
      updatedAt: new Date(association.updated_at),
    };
  },
  async ids(db) {
    const rows = await db
      .selectFrom('associations')
      .select('id')
      .where('verified_at', 'is not', null)
      .execute();
    return rows.map((row) => String(row.id));
  },
};
