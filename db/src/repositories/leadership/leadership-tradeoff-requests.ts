import { isCompleteTradeoff, type TradeoffRequest, type TradeoffRequestQuery } from '@misalign/shared'
import { and, desc, eq, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm'
import type { Db, Tx } from '../../client'
import { decisions, tradeoffRequests, users } from '../../schema/index'
import { type Actor, diff, recordAudit } from '../access/audit-repository'
import { RuleViolationError } from '../support/errors'

const selection = {
  request: tradeoffRequests,
  decisionTitle: decisions.title,
  owningTeamId: decisions.owningTeamId,
  requestedByName: users.displayName,
}
type SelectedRow = {
  request: typeof tradeoffRequests.$inferSelect
  decisionTitle: string
  owningTeamId: string
  requestedByName: string | null
}

function toTradeoffRequest({ request, decisionTitle, owningTeamId, requestedByName }: SelectedRow): TradeoffRequest {
  return {
    id: request.id,
    decisionId: request.decisionId,
    decisionTitle,
    owningTeamId,
    requestedById: request.requestedById,
    requestedByName,
    requestedAt: request.createdAt.toISOString(),
    answeredAt: request.answeredAt?.toISOString() ?? null,
    status: request.answeredAt ? 'answered' : 'open',
  }
}

export type TradeoffRequestResult = { kind: 'created' | 'existing'; request: TradeoffRequest } | { kind: 'no_decision' }

/**
 * "Ask the owning team to state its tradeoff": one open request per decision. Answering is not
 * done here: a trigger stamps `answered_at` when the decision gets its tradeoff (see the schema).
 */
export function tradeoffRequestRepository(db: Db) {
  const select = (tx: Db | Tx, where: SQL | undefined) =>
    tx
      .select(selection)
      .from(tradeoffRequests)
      .innerJoin(decisions, eq(decisions.id, tradeoffRequests.decisionId))
      .leftJoin(users, eq(users.id, tradeoffRequests.requestedById))
      .where(where)

  const openFor = async (tx: Db | Tx, decisionId: string) => {
    const [row] = await select(tx, and(eq(tradeoffRequests.decisionId, decisionId), isNull(tradeoffRequests.answeredAt)))
    return row && toTradeoffRequest(row)
  }

  return {
    /** Idempotent while a request is open: asking again returns the open one and records nothing. */
    async request(decisionId: string, actor: Actor): Promise<TradeoffRequestResult> {
      return db.transaction(async (tx) => {
        const [decision] = await tx
          .select({ prefer: decisions.tradeoffPrefer, over: decisions.tradeoffOver, forGoal: decisions.tradeoffForGoal })
          .from(decisions)
          .where(eq(decisions.id, decisionId))
        if (!decision) return { kind: 'no_decision' as const }
        if (isCompleteTradeoff(decision)) {
          throw new RuleViolationError('This decision already states its tradeoff: there is nothing to ask for', 'decisionId')
        }
        const existing = await openFor(tx, decisionId)
        if (existing) return { kind: 'existing' as const, request: existing }
        // A request racing this one lands on the partial unique index: then theirs is the open one.
        const [inserted] = await tx
          .insert(tradeoffRequests)
          .values({ decisionId, requestedById: actor.id })
          .onConflictDoNothing()
          .returning({ id: tradeoffRequests.id })
        const request = await openFor(tx, decisionId)
        if (!request) throw new Error('tradeoff request vanished after insert')
        if (!inserted) return { kind: 'existing' as const, request }
        await recordAudit(tx, {
          actor,
          action: 'create',
          entityType: 'tradeoff_request',
          entityId: request.id,
          changes: diff({}, request),
        })
        return { kind: 'created' as const, request }
      })
    },

    /** Newest first; a team's list is the requests on decisions it owns. */
    async list(query: TradeoffRequestQuery): Promise<TradeoffRequest[]> {
      const status =
        query.status === 'open'
          ? isNull(tradeoffRequests.answeredAt)
          : query.status === 'answered'
            ? isNotNull(tradeoffRequests.answeredAt)
            : undefined
      const rows = await select(
        db,
        and(
          query.teamId ? eq(decisions.owningTeamId, query.teamId) : undefined,
          query.decisionId ? eq(tradeoffRequests.decisionId, query.decisionId) : undefined,
          status,
        ),
      )
        .orderBy(desc(tradeoffRequests.createdAt), desc(tradeoffRequests.id))
        .limit(500)
      return rows.map(toTradeoffRequest)
    },

    /** Open requests on these decisions, by decision id. */
    async openByDecision(decisionIds: readonly string[]): Promise<Map<string, TradeoffRequest>> {
      if (decisionIds.length === 0) return new Map()
      const rows = await select(
        db,
        and(inArray(tradeoffRequests.decisionId, [...decisionIds]), isNull(tradeoffRequests.answeredAt)),
      )
      return new Map(rows.map((row) => [row.request.decisionId, toTradeoffRequest(row)]))
    },
  }
}

export type TradeoffRequestRepository = ReturnType<typeof tradeoffRequestRepository>
