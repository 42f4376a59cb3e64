import type { Role, User } from '@misalign/shared'
import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm'
import { type Db, queryRows, type Tx } from '../../client'
import { memberships, teams, type UserRow, users } from '../../schema/index'
import { decodeCursor, toPage } from '../support/cursor'
import { StaleVersionError } from '../support/errors'
import { type Actor, diff, recordAudit } from './audit-repository'

function toUser(row: UserRow, teamIds: string[]): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    teamIds,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  }
}

export interface NewUser {
  email: string
  displayName: string
  role: Role
  passwordHash?: string | null
  externalIdentity?: string | null
  teamIds?: string[]
}

export function userRepository(db: Db) {
  // Takes the transaction when called inside one: on PGlite a second query outside it would wait forever.
  async function teamIdsOf(userId: string, executor: Db | Tx = db): Promise<string[]> {
    const rows = await executor.select({ teamId: memberships.teamId }).from(memberships).where(eq(memberships.userId, userId))
    return rows.map((row) => row.teamId)
  }

  return {
    teamIdsOf,

    async findById(id: string): Promise<User | undefined> {
      const [row] = await db.select().from(users).where(eq(users.id, id))
      return row && toUser(row, await teamIdsOf(row.id))
    },

    /** With the password hash, for sign-in only; emails match case-insensitively. */
    async findCredentials(email: string): Promise<(User & { passwordHash: string | null }) | undefined> {
      const [row] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`)
      return row && { ...toUser(row, await teamIdsOf(row.id)), passwordHash: row.passwordHash }
    },

    /** Emails match case-insensitively, as at sign-in: how an integration (Slack) finds its user. */
    async findByEmail(email: string): Promise<User | undefined> {
      const [row] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`)
      return row && toUser(row, await teamIdsOf(row.id))
    },

    async findByExternalIdentity(identity: string): Promise<User | undefined> {
      const [row] = await db.select().from(users).where(eq(users.externalIdentity, identity))
      return row && toUser(row, await teamIdsOf(row.id))
    },

    async list(query: { limit?: number; cursor?: string }) {
      const limit = query.limit ?? 50
      const after = decodeCursor(query.cursor, ['string'] as const)
      const rows = await db
        .select()
        .from(users)
        .where(after ? gt(sql`lower(${users.email})`, after[0]) : undefined)
        .orderBy(asc(sql`lower(${users.email})`))
        .limit(limit + 1)
      const teamRows = rows.length
        ? await db
            .select()
            .from(memberships)
            .where(
              inArray(
                memberships.userId,
                rows.map((row) => row.id),
              ),
            )
        : []
      return toPage(
        rows,
        limit,
        (row) =>
          toUser(
            row,
            teamRows.filter((m) => m.userId === row.id).map((m) => m.teamId),
          ),
        (row) => [row.email.toLowerCase()],
      )
    },

    async create(input: NewUser, actor: Actor): Promise<User> {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(users)
          .values({
            email: input.email,
            displayName: input.displayName,
            role: input.role,
            passwordHash: input.passwordHash ?? null,
            externalIdentity: input.externalIdentity ?? null,
          })
          .returning()
        if (!row) throw new Error('insert returned no row')
        const teamIds = [...new Set(input.teamIds ?? [])]
        if (teamIds.length > 0) await tx.insert(memberships).values(teamIds.map((teamId) => ({ userId: row.id, teamId })))
        await recordAudit(tx, {
          actor,
          action: 'create',
          entityType: 'user',
          entityId: row.id,
          changes: { email: { after: row.email }, role: { after: row.role }, teamIds: { after: teamIds } },
        })
        return toUser(row, teamIds)
      })
    },

    async setRole(id: string, role: Role, actor: Actor): Promise<User | undefined> {
      return db.transaction(async (tx) => {
        const [before] = await tx.select().from(users).where(eq(users.id, id)).for('update')
        if (!before) return undefined
        const [after] = await tx
          .update(users)
          .set({ role, version: before.version + 1, updatedAt: new Date() })
          .where(eq(users.id, id))
          .returning()
        if (!after) throw new Error('update returned no row')
        await recordAudit(tx, {
          actor,
          action: 'role_change',
          entityType: 'user',
          entityId: id,
          changes: { role: { before: before.role, after: role } },
        })
        return toUser(after, await teamIdsOf(id, tx))
      })
    },

    async update(
      id: string,
      expectedVersion: number,
      changes: { role?: Role; displayName?: string; disabled?: boolean },
      actor: Actor,
    ): Promise<User | undefined> {
      return db.transaction(async (tx) => {
        const [before] = await tx.select().from(users).where(eq(users.id, id)).for('update')
        if (!before) return undefined
        if (before.version !== expectedVersion) throw new StaleVersionError('user', before.version)
        const disabledAt =
          changes.disabled === undefined ? before.disabledAt : changes.disabled ? (before.disabledAt ?? new Date()) : null
        const [after] = await tx
          .update(users)
          .set({
            role: changes.role ?? before.role,
            displayName: changes.displayName ?? before.displayName,
            disabledAt,
            version: before.version + 1,
            updatedAt: new Date(),
          })
          .where(eq(users.id, id))
          .returning()
        if (!after) throw new Error('update returned no row')
        await recordAudit(tx, {
          actor,
          action: changes.role && changes.role !== before.role ? 'role_change' : 'update',
          entityType: 'user',
          entityId: id,
          changes: diff(
            { role: before.role, displayName: before.displayName, disabledAt: before.disabledAt?.toISOString() ?? null },
            { role: after.role, displayName: after.displayName, disabledAt: after.disabledAt?.toISOString() ?? null },
          ),
        })
        return toUser(after, await teamIdsOf(id, tx))
      })
    },

    async setPassword(id: string, passwordHash: string, actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, id))
        await recordAudit(tx, { actor, action: 'password_change', entityType: 'user', entityId: id })
      })
    },

    async addMembership(userId: string, teamId: string, actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.insert(memberships).values({ userId, teamId }).onConflictDoNothing()
        await recordAudit(tx, {
          actor,
          action: 'membership_add',
          entityType: 'user',
          entityId: userId,
          changes: { teamId: { after: teamId } },
        })
      })
    },

    /** Active members per team, for the small-team rule of anonymity. */
    async memberCounts(): Promise<Map<string, number>> {
      const rows = await queryRows<{ team_id: string; members: number }>(
        db,
        sql`select m.team_id, count(*)::int as members from memberships m join users u on u.id = m.user_id
            where u.disabled_at is null group by m.team_id`,
      )
      return new Map(rows.map((row) => [row.team_id, row.members]))
    },

    async findTeamIdsBySlugs(slugs: string[]): Promise<Map<string, string>> {
      if (slugs.length === 0) return new Map()
      const rows = await db
        .select({ id: teams.id, slug: teams.slug })
        .from(teams)
        .where(and(inArray(teams.slug, slugs), isNull(teams.archivedAt)))
      return new Map(rows.map((row) => [row.slug, row.id]))
    },
  }
}

export type UserRepository = ReturnType<typeof userRepository>
