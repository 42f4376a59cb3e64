import { and, asc, desc, eq, lt, sql } from 'drizzle-orm'
import { type Db, queryRows, type Tx } from '../../client'
import { decisionNotices, decisions, incidents, integrationDeliveries, teamSlackChannels, teams } from '../../schema/index'
import { type Actor, recordAudit } from '../access/audit-repository'
import { decodeCursor, toPage } from '../support/cursor'

export interface TeamChannel {
  teamId: string
  teamName: string
  channelId: string
}

export interface Delivery {
  id: string
  integration: string
  kind: string
  target: string
  status: 'sent' | 'skipped' | 'failed'
  detail: string | null
  at: string
}

export type NewDelivery = Omit<Delivery, 'id' | 'at'>

/** What a deciding team is told about a decision's incidents: counts and the reporters' missing context, never who. */
export interface DecisionNoticeFacts {
  decisionId: string
  title: string
  owningTeamId: string
  incidents: number
  reportingTeams: number
  missingContext: string[]
}

/** How many of the latest reporters' "what would have made it predictable" a notice quotes. */
const quotedContexts = 3

/** Team channels, notices and the delivery log of the integrations (Slack today). Queries only. */
export function integrationRepository(db: Db) {
  return {
    async channels(): Promise<TeamChannel[]> {
      return db
        .select({ teamId: teamSlackChannels.teamId, teamName: teams.name, channelId: teamSlackChannels.channelId })
        .from(teamSlackChannels)
        .innerJoin(teams, eq(teams.id, teamSlackChannels.teamId))
        .orderBy(asc(teams.name))
    },

    async channelOf(teamId: string, executor: Db | Tx = db): Promise<string | undefined> {
      const [row] = await executor
        .select({ channelId: teamSlackChannels.channelId })
        .from(teamSlackChannels)
        .where(eq(teamSlackChannels.teamId, teamId))
      return row?.channelId
    },

    /** Sets (or with null removes) a team's channel; audited as a change to the team. */
    async setChannel(tx: Tx, teamId: string, channelId: string | null, actor: Actor): Promise<void> {
      const before = await this.channelOf(teamId, tx)
      if (before === (channelId ?? undefined)) return
      if (channelId === null) await tx.delete(teamSlackChannels).where(eq(teamSlackChannels.teamId, teamId))
      else
        await tx
          .insert(teamSlackChannels)
          .values({ teamId, channelId })
          .onConflictDoUpdate({ target: teamSlackChannels.teamId, set: { channelId, updatedAt: sql`now()` } })
      await recordAudit(tx, {
        actor,
        action: 'update',
        entityType: 'team',
        entityId: teamId,
        changes: { slackChannelId: { before: before ?? null, after: channelId } },
      })
    },

    /** True the first time it is asked for a decision and day; false ever after (one notice a day). */
    async claimNotice(decisionId: string, day: string): Promise<boolean> {
      const claimed = await db.insert(decisionNotices).values({ decisionId, day }).onConflictDoNothing().returning()
      return claimed.length > 0
    },

    /** Gives a claimed day back, so the retry of a notice that failed can send it. */
    async releaseNotice(decisionId: string, day: string): Promise<void> {
      await db.delete(decisionNotices).where(and(eq(decisionNotices.decisionId, decisionId), eq(decisionNotices.day, day)))
    },

    async noticeFacts(decisionId: string, executor: Db | Tx = db): Promise<DecisionNoticeFacts | undefined> {
      const [decision] = await executor
        .select({ id: decisions.id, title: decisions.title, owningTeamId: decisions.owningTeamId })
        .from(decisions)
        .where(eq(decisions.id, decisionId))
      if (!decision) return undefined
      // Restricted reports are for their team's eyes: they are neither counted nor quoted.
      const visible = and(eq(incidents.decisionId, decisionId), eq(incidents.restricted, false))
      const [counts] = await queryRows<{ incidents: number; teams: number }>(
        executor,
        sql`select count(*)::int as incidents, count(distinct ${incidents.reportingTeamId})::int as teams
          from ${incidents} where ${visible}`,
      )
      const quotes = await executor
        .select({ text: incidents.missingContext })
        .from(incidents)
        .where(and(visible, sql`coalesce(trim(${incidents.missingContext}), '') <> ''`))
        .orderBy(desc(incidents.discoveredAt), desc(incidents.createdAt))
        .limit(quotedContexts)
      return {
        decisionId: decision.id,
        title: decision.title,
        owningTeamId: decision.owningTeamId,
        incidents: counts?.incidents ?? 0,
        reportingTeams: counts?.teams ?? 0,
        missingContext: quotes.map((q) => q.text ?? ''),
      }
    },

    async recordDelivery(delivery: NewDelivery, executor: Db | Tx = db): Promise<void> {
      await executor.insert(integrationDeliveries).values(delivery)
    },

    /** The delivery log, newest first, paged. */
    async deliveries(query: { limit?: number; cursor?: string }) {
      const limit = query.limit ?? 25
      const after = decodeCursor(query.cursor, ['number'] as const)
      const rows = await db
        .select()
        .from(integrationDeliveries)
        .where(after ? lt(integrationDeliveries.seq, after[0]) : undefined)
        .orderBy(desc(integrationDeliveries.seq))
        .limit(limit + 1)
      const [total] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${integrationDeliveries}`)
      const page = toPage(
        rows,
        limit,
        (r): Delivery => ({
          id: r.id,
          integration: r.integration,
          kind: r.kind,
          target: r.target,
          status: r.status as Delivery['status'],
          detail: r.detail,
          at: r.createdAt.toISOString(),
        }),
        (r) => [r.seq],
      )
      return { ...page, total: total?.n ?? 0 }
    },
  }
}

export type IntegrationRepository = ReturnType<typeof integrationRepository>
