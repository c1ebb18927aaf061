import { sql, type Db } from './client';

export type EntityKind = 'person' | 'organisation' | 'place';

/** A person, organisation or place that events and articles mention. */
export interface Entity {
	id: number;
	kind: EntityKind;
	name: string;
	aliases: string[];
	description: string;
	createdAt: Date;
}

export interface NewEntity {
	kind: EntityKind;
	name: string;
	aliases?: string[];
	description?: string;
}

/**
 * Finds or creates the entity of this kind and name (names compare case-insensitively) and
 * merges the given aliases into the ones it has, keeping their first-seen order. A description
 * given here replaces an empty one, never a written one.
 */
export async function upsert(input: NewEntity, db: Db = sql): Promise<Entity> {
	const [entity] = await db<Entity[]>`
		insert into entities (kind, name, aliases, description)
		values (${input.kind}, ${input.name}, ${input.aliases ?? []}::text[], ${input.description ?? ''})
		on conflict (kind, lower(name)) do update
		set aliases = array(
				select alias
				from unnest(entities.aliases || excluded.aliases) with ordinality as t(alias, n)
				group by alias
				order by min(n)
			),
			description = case when entities.description = '' then excluded.description
				else entities.description end
		returning id, kind, name, aliases, description, created_at
	`;
	if (!entity) throw new Error('upsert into entities returned no row');
	return entity;
}

/** Says an entity takes part in an event (as actor, place or mention); re-linking updates the role. */
export async function linkToEvent(
	input: { eventId: number; entityId: number; role?: 'actor' | 'place' | 'mentioned' },
	db: Db = sql
): Promise<void> {
	await db`
		insert into event_entities (event_id, entity_id, role)
		values (${input.eventId}, ${input.entityId}, ${input.role ?? 'actor'})
		on conflict (event_id, entity_id) do update set role = excluded.role
	`;
}

/** Says an article mentions an entity `mentions` times; re-linking updates the count. */
export async function linkToArticle(
	input: { articleId: number; entityId: number; mentions?: number },
	db: Db = sql
): Promise<void> {
	await db`
		insert into article_entities (article_id, entity_id, mentions)
		values (${input.articleId}, ${input.entityId}, ${input.mentions ?? 1})
		on conflict (article_id, entity_id) do update set mentions = excluded.mentions
	`;
}

/** The entities linked to an event, with their role in it, by name. */
export async function listForEvent(
	eventId: number,
	db: Db = sql
): Promise<(Entity & { role: 'actor' | 'place' | 'mentioned' })[]> {
	return db<(Entity & { role: 'actor' | 'place' | 'mentioned' })[]>`
		select en.id, en.kind, en.name, en.aliases, en.description, en.created_at, ee.role
		from event_entities ee
		join entities en on en.id = ee.entity_id
		where ee.event_id = ${eventId}
		order by en.name, en.id
	`;
}

/** An entity as linked to one event (for listing the people and places of many events at once). */
export interface EventEntity {
	eventId: number;
	entityId: number;
	kind: EntityKind;
	name: string;
	role: 'actor' | 'place' | 'mentioned';
}

/** The entities linked to each of these events, by event then name, in one query. */
export async function listForEvents(
	eventIds: readonly number[],
	db: Db = sql
): Promise<EventEntity[]> {
	if (eventIds.length === 0) return [];
	return db<EventEntity[]>`
		select ee.event_id, en.id as entity_id, en.kind, en.name, ee.role
		from event_entities ee
		join entities en on en.id = ee.entity_id
		where ee.event_id in ${db(eventIds as number[])}
		order by ee.event_id, en.name, en.id
	`;
}
