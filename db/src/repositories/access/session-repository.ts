import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm'
import type { Db } from '../../client'
import { apiTokens, rateCounters, sessions } from '../../schema/index'
import { type Actor, recordAudit } from './audit-repository'

/** Sessions, API tokens and throttling counters: everything sign-in keeps in Postgres. */
export function sessionRepository(db: Db) {
  return {
    async createSession(input: { userId: string; tokenHash: string; csrfHash: string; expiresAt: Date }, actor: Actor) {
      return db.transaction(async (tx) => {
        const [row] = await tx.insert(sessions).values(input).returning({ id: sessions.id })
        await recordAudit(tx, { actor, action: 'sign_in', entityType: 'session', entityId: row?.id ?? null })
        return row
      })
    },

    /** A live session: not revoked, not expired. */
    async findSession(tokenHash: string) {
      const [row] = await db
        .select()
        .from(sessions)
        .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())))
      return row
    },

    async touchSession(id: string, expiresAt: Date): Promise<void> {
      await db.update(sessions).set({ lastSeenAt: new Date(), expiresAt }).where(eq(sessions.id, id))
    },

    async revokeSession(id: string, actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        await tx
          .update(sessions)
          .set({ revokedAt: new Date() })
          .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)))
        await recordAudit(tx, { actor, action: 'sign_out', entityType: 'session', entityId: id })
      })
    },

    async revokeSessionsOf(userId: string, actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        await tx
          .update(sessions)
          .set({ revokedAt: new Date() })
          .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
        await recordAudit(tx, { actor, action: 'revoke_sessions', entityType: 'user', entityId: userId })
      })
    },

    /** Ends every live session of the user at once; the caller audits why. */
    async endSessionsOf(userId: string): Promise<void> {
      await db
        .update(sessions)
        .set({ revokedAt: new Date() })
        .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    },

    async createToken(input: { userId: string; label: string; tokenHash: string; prefix: string }, actor: Actor) {
      return db.transaction(async (tx) => {
        const [row] = await tx.insert(apiTokens).values(input).returning()
        if (!row) throw new Error('insert returned no row')
        await recordAudit(tx, {
          actor,
          action: 'token_create',
          entityType: 'api_token',
          entityId: row.id,
          changes: { userId: { after: row.userId }, label: { after: row.label } },
        })
        return row
      })
    },

    async findToken(tokenHash: string) {
      const [row] = await db
        .select()
        .from(apiTokens)
        .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
      return row
    },

    async touchToken(id: string): Promise<void> {
      await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, id))
    },

    async listTokens(userId?: string) {
      return db
        .select({
          id: apiTokens.id,
          userId: apiTokens.userId,
          label: apiTokens.label,
          prefix: apiTokens.prefix,
          lastUsedAt: apiTokens.lastUsedAt,
          revokedAt: apiTokens.revokedAt,
          createdAt: apiTokens.createdAt,
        })
        .from(apiTokens)
        .where(userId ? eq(apiTokens.userId, userId) : undefined)
        .orderBy(apiTokens.createdAt)
    },

    /** The token revoked now, or undefined when there is no live token with this id. */
    async revokeToken(id: string, actor: Actor): Promise<{ id: string; userId: string } | undefined> {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(apiTokens)
          .set({ revokedAt: new Date() })
          .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
          .returning({ id: apiTokens.id, userId: apiTokens.userId })
        if (!row) return undefined
        await recordAudit(tx, { actor, action: 'token_revoke', entityType: 'api_token', entityId: id })
        return row
      })
    },

    /**
     * Counts one hit in a fixed window and returns the count so far, in one statement so
     * concurrent instances never lose a hit.
     */
    async hit(key: string, windowMs: number): Promise<number> {
      const now = new Date()
      const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs)
      const [row] = await db
        .insert(rateCounters)
        .values({ key, windowStart, count: 1 })
        .onConflictDoUpdate({
          target: rateCounters.key,
          set: {
            count: sql`case when ${rateCounters.windowStart} = ${windowStart} then ${rateCounters.count} + 1 else 1 end`,
            windowStart,
          },
        })
        .returning({ count: rateCounters.count })
      return row?.count ?? 1
    },

    async resetCounter(key: string): Promise<void> {
      await db.delete(rateCounters).where(eq(rateCounters.key, key))
    },

    /** Housekeeping: counters of past windows and sessions that ended a day ago are only clutter. */
    async purgeStale(): Promise<void> {
      const dayAgo = sql`now() - interval '1 day'`
      await db.delete(rateCounters).where(lt(rateCounters.windowStart, dayAgo))
      await db.delete(sessions).where(or(lt(sessions.expiresAt, dayAgo), lt(sessions.revokedAt, dayAgo)))
    },
  }
}

export type SessionRepository = ReturnType<typeof sessionRepository>
