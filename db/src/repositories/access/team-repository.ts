import type { NewTeam, Page, Team, TeamChanges, TeamQuery } from '@misalign/shared'
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../client'
import { type TeamRow, teams } from '../../schema/index'
import { decodeCursor, toPage } from '../support/cursor'
import { StaleVersionError } from '../support/errors'
import { type Actor, diff, recordAudit } from './audit-repository'

export function toTeam(row: TeamRow): Team {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    parentTeamId: row.parentTeamId,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  }
}

export function teamRepository(db: Db) {
  return {
    async findById(id: string): Promise<Team | undefined> {
      const [row] = await db.select().from(teams).where(eq(teams.id, id))
      return row && toTeam(row)
    },

    async findBySlug(slug: string): Promise<Team | undefined> {
      const [row] = await db.select().from(teams).where(eq(teams.slug, slug))
      return row && toTeam(row)
    },

    async list(query: TeamQuery): Promise<Page<Team>> {
      const limit = query.limit ?? 50
      const after = decodeCursor(query.cursor, ['string'] as const)
      const rows = await db
        .select()
        .from(teams)
        .where(and(query.includeArchived ? undefined : isNull(teams.archivedAt), after ? gt(teams.slug, after[0]) : undefined))
        .orderBy(asc(teams.slug))
        .limit(limit + 1)
      return toPage(rows, limit, toTeam, (row) => [row.slug])
    },

    /** Is `candidateId` this team or one of its sub-teams, at any depth? */
    async isSameOrDescendant(teamId: string, candidateId: string): Promise<boolean> {
      const rows = await queryRows<{ id: string }>(
        db,
        sql`
        with recursive descendants as (
          select id from teams where id = ${teamId}
          union all
          select t.id from teams t join descendants d on t.parent_team_id = d.id
        ) select id from descendants where id = ${candidateId}`,
      )
      return rows.length > 0
    },

    async create(input: NewTeam, actor: Actor): Promise<Team> {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(teams)
          .values({ slug: input.slug, name: input.name, parentTeamId: input.parentTeamId ?? null })
          .returning()
        if (!row) throw new Error('insert returned no row')
        await recordAudit(tx, { actor, action: 'create', entityType: 'team', entityId: row.id, changes: diff({}, toTeam(row)) })
        return toTeam(row)
      })
    },

    async update(id: string, expectedVersion: number, changes: TeamChanges, actor: Actor): Promise<Team | undefined> {
      return db.transaction(async (tx) => {
        const [before] = await tx.select().from(teams).where(eq(teams.id, id)).for('update')
        if (!before) return undefined
        if (before.version !== expectedVersion) throw new StaleVersionError('team', before.version)
        const archivedAt =
          changes.archived === undefined ? before.archivedAt : changes.archived ? (before.archivedAt ?? new Date()) : null
        const [after] = await tx
          .update(teams)
          .set({
            slug: changes.slug ?? before.slug,
            name: changes.name ?? before.name,
            parentTeamId: changes.parentTeamId === undefined ? before.parentTeamId : changes.parentTeamId,
            archivedAt,
            version: before.version + 1,
            updatedAt: new Date(),
          })
          .where(eq(teams.id, id))
          .returning()
        if (!after) throw new Error('update returned no row')
        const team = toTeam(after)
        await recordAudit(tx, { actor, action: 'update', entityType: 'team', entityId: id, changes: diff(toTeam(before), team) })
        return team
      })
    },
  }
}

export type TeamRepository = ReturnType<typeof teamRepository>
