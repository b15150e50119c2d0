import {
  initiativeSlugTaken,
  insertAreaInitiative,
  listAreaInitiatives,
  lockFocusArea,
  updateAreaInitiative,
} from '@brobygger/db';
import {
  type Actor,
  type InitiativeInput,
  type InitiativeStatus,
  type Link,
  slugify,
} from '@brobygger/domain';
import { indexLater } from '../../search/index-later.ts';
import { audit } from '../audit.ts';
import { transaction, type UseCaseContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { clock, ensure, publicDataChanged, requireFocusArea } from './shared.ts';

export interface InitiativeView {
  id: number;
  slug: string;
  name: string;
  description: string;
  status: InitiativeStatus;
  responsibleUnit: string;
  partners: string[];
  startsOn: string | null;
  endsOn: string | null;
  links: Link[];
  listedYear: number;
}

export async function readAreaInitiatives(
  ctx: UseCaseContext,
  focusAreaId: number,
): Promise<InitiativeView[]> {
  const rows = await listAreaInitiatives(ctx.deps.db, focusAreaId);
  return rows.map((row) => ({
    ...row,
    description: row.description ?? '',
    status: row.status as InitiativeStatus,
    links: (row.links ?? []) as Link[],
  }));
}

const values = (input: InitiativeInput) => ({
  name: input.name,
  description: input.description,
  status: input.status,
  responsibleUnit: input.responsibleUnit,
  partners: input.partners,
  startsOn: input.startsOn,
  endsOn: input.endsOn,
  links: input.links,
});

export async function addInitiative(ctx: UseCaseContext, actor: Actor, slug: string, input: InitiativeInput) {
  const area = await requireFocusArea(ctx, slug);
  ensure(actor, 'status:edit', area.slug, 'Kun fokusområdets tovholder kan tilføje indsatser.');
  const id = await transaction(ctx, async (tx, db) => {
    await lockFocusArea(db, area.id);
    const base = slugify(input.name).slice(0, 80) || 'indsats';
    let candidate = base;
    for (let n = 2; await initiativeSlugTaken(db, candidate); n++) candidate = `${base}-${n}`;
    const id = await insertAreaInitiative(db, area.id, candidate, values(input), clock(ctx).getUTCFullYear());
    await indexLater(db, 'initiative', id); // search (issue 12)
    await indexLater(db, 'focus_area', area.slug); // search (issue 12)
    await audit(tx, {
      action: 'initiative.created',
      targetType: 'initiative',
      targetId: String(id),
      details: { focusArea: area.slug, name: input.name, status: input.status },
    });
    return id;
  });
  publicDataChanged(ctx);
  const created = (await readAreaInitiatives(ctx, area.id)).find((initiative) => initiative.id === id);
  if (!created) throw notFound('Indsatsen findes ikke');
  return created;
}

export async function editInitiative(
  ctx: UseCaseContext,
  actor: Actor,
  slug: string,
  id: number,
  input: InitiativeInput,
) {
  const area = await requireFocusArea(ctx, slug);
  ensure(actor, 'status:edit', area.slug, 'Kun fokusområdets tovholder kan ændre indsatserne.');
  await transaction(ctx, async (tx, db) => {
    if (!(await updateAreaInitiative(db, area.id, id, values(input)))) {
      throw notFound('Indsatsen findes ikke i dette fokusområde');
    }
    await indexLater(db, 'initiative', id); // search (issue 12)
    await indexLater(db, 'focus_area', area.slug); // search (issue 12)
    await audit(tx, {
      action: 'initiative.updated',
      targetType: 'initiative',
      targetId: String(id),
      details: { focusArea: area.slug, status: input.status },
    });
  });
  publicDataChanged(ctx);
  const updated = (await readAreaInitiatives(ctx, area.id)).find((initiative) => initiative.id === id);
  if (!updated) throw notFound('Indsatsen findes ikke');
  return updated;
}
