import type { PriorityTradeoff, TradeoffConfirmation, TradeoffsToConfirmPage, TradeoffToConfirm } from '@misalign/shared'
import { eq, inArray, sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../client'
import { decisions, priorities, strategies } from '../../schema/index'
import { type Actor, recordAudit } from '../access/audit-repository'
import { decodeCursor, InvalidCursorError, toPage } from '../support/cursor'
import { ConflictError, RuleViolationError, StaleVersionError } from '../support/errors'

/*
 * "Tradeoffs to confirm": every tradeoff whose X and Y were suggested from its words (by the
 * migration of free-text tradeoffs, or a write that named no priority) and that no person has
 * confirmed yet. Active decisions and strategies that are not retired: those are what conflict
 * detection reads (docs/decisions/015-priorities-register.md).
 */

type Row = {
  holder_kind: 'decision' | 'strategy'
  holder_id: string
  holder_title: string
  holder_version: number
  tradeoff_index: number
  prefer: string
  over: string
  for_goal: string
  prefer_id: string | null
  over_id: string | null
  prefer_name: string | null
  over_name: string | null
  updated_at: string | Date
}

const unconfirmed = sql`
  select 'decision' as holder_kind, d.id as holder_id, d.title as holder_title, d.version as holder_version,
         0 as tradeoff_index, d.tradeoff_prefer as prefer, d.tradeoff_over as over, d.tradeoff_for_goal as for_goal,
         d.tradeoff_prefer_priority_id::text as prefer_id, d.tradeoff_over_priority_id::text as over_id, d.updated_at
    from decisions d
   where d.status = 'active' and d.tradeoff_prefer is not null and not d.tradeoff_priorities_confirmed
  union all
  select 'strategy', s.id, s.title, s.version, (x.i - 1)::int, x.t ->> 'prefer', x.t ->> 'over', x.t ->> 'forGoal',
         x.t ->> 'preferPriorityId', x.t ->> 'overPriorityId', s.updated_at
    from strategies s, jsonb_array_elements(s.tradeoffs) with ordinality as x(t, i)
   where s.status <> 'retired' and coalesce((x.t ->> 'prioritiesConfirmed')::boolean, false) = false`

const toItem = (r: Row): TradeoffToConfirm => ({
  holderKind: r.holder_kind,
  holderId: r.holder_id,
  holderTitle: r.holder_title,
  holderVersion: Number(r.holder_version),
  tradeoffIndex: Number(r.tradeoff_index),
  prefer: r.prefer,
  over: r.over,
  forGoal: r.for_goal,
  preferPriorityId: r.prefer_id,
  overPriorityId: r.over_id,
  preferPriorityName: r.prefer_name,
  overPriorityName: r.over_name,
  updatedAt: new Date(r.updated_at).toISOString(),
})

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function priorityConfirmationRepository(db: Db) {
  return {
    /** Decisions first, then strategies, each by id and tradeoff: a stable order while items are confirmed. */
    async list(query: { limit?: number; cursor?: string }): Promise<TradeoffsToConfirmPage> {
      const limit = query.limit ?? 50
      const after = decodeCursor(query.cursor, ['string', 'string', 'number'] as const)
      if (after && (!['decision', 'strategy'].includes(after[0]) || !uuidShape.test(after[1]))) throw new InvalidCursorError()
      const [rows, [total]] = await Promise.all([
        queryRows<Row>(
          db,
          sql`select u.*, (select name from priorities p where p.id::text = u.prefer_id) as prefer_name,
                  (select name from priorities p where p.id::text = u.over_id) as over_name
               from (${unconfirmed}) u
               ${after ? sql`where (u.holder_kind, u.holder_id, u.tradeoff_index) > (${after[0]}, ${after[1]}::uuid, ${after[2]}::int)` : sql``}
               order by u.holder_kind, u.holder_id, u.tradeoff_index limit ${limit + 1}`,
        ),
        queryRows<{ n: number | string }>(db, sql`select count(*)::int as n from (${unconfirmed}) u`),
      ])
      const page = toPage(rows, limit, toItem, (r) => [r.holder_kind, r.holder_id, Number(r.tradeoff_index)])
      return { ...page, total: Number(total?.n ?? 0) }
    },

    /** The team that owns the holder, for the policy check; undefined when there is no such holder. */
    async ownerOf(kind: TradeoffConfirmation['holderKind'], id: string): Promise<string | undefined> {
      if (kind === 'decision') {
        const [row] = await db.select({ team: decisions.owningTeamId }).from(decisions).where(eq(decisions.id, id))
        return row?.team
      }
      const [row] = await db.select({ team: strategies.ownerTeamId }).from(strategies).where(eq(strategies.id, id))
      return row?.team
    },

    /**
     * A person confirms (or changes) the priorities a tradeoff picked. The words stay as they
     * were written. Undefined when the holder does not exist. The caller has checked the two
     * picks differ (checkPriorityPicks); that each is in the register is checked here.
     */
    async confirm(input: TradeoffConfirmation, expectedVersion: number, actor: Actor): Promise<TradeoffToConfirm | undefined> {
      return db.transaction(async (tx) => {
        const known = await tx
          .select({ id: priorities.id, name: priorities.name })
          .from(priorities)
          .where(inArray(priorities.id, [input.preferPriorityId, input.overPriorityId]))
        for (const field of ['preferPriorityId', 'overPriorityId'] as const) {
          if (!known.some((p) => p.id === input[field])) {
            throw new RuleViolationError(`${field} names no priority of the register; pick one from /api/v1/priorities`, field)
          }
        }
        const picks = { preferPriorityId: input.preferPriorityId, overPriorityId: input.overPriorityId }
        const named = {
          ...picks,
          preferPriorityName: known.find((p) => p.id === input.preferPriorityId)?.name ?? '',
          overPriorityName: known.find((p) => p.id === input.overPriorityId)?.name ?? '',
        }
        let before: PriorityTradeoff
        let item: TradeoffToConfirm
        if (input.holderKind === 'decision') {
          const [row] = await tx.select().from(decisions).where(eq(decisions.id, input.holderId)).for('update')
          if (!row) return undefined
          if (row.version !== expectedVersion) throw new StaleVersionError('decision', row.version)
          if (
            input.tradeoffIndex !== 0 ||
            row.tradeoffPrefer === null ||
            row.tradeoffOver === null ||
            row.tradeoffForGoal === null
          ) {
            throw new ConflictError('This decision states no such tradeoff; reload the list of tradeoffs to confirm')
          }
          before = {
            prefer: row.tradeoffPrefer,
            over: row.tradeoffOver,
            forGoal: row.tradeoffForGoal,
            preferPriorityId: row.tradeoffPreferPriorityId,
            overPriorityId: row.tradeoffOverPriorityId,
            prioritiesConfirmed: row.tradeoffPrioritiesConfirmed,
          }
          const [after] = await tx
            .update(decisions)
            .set({
              tradeoffPreferPriorityId: picks.preferPriorityId,
              tradeoffOverPriorityId: picks.overPriorityId,
              tradeoffPrioritiesConfirmed: true,
              version: row.version + 1,
              updatedAt: new Date(),
            })
            .where(eq(decisions.id, row.id))
            .returning()
          if (!after) throw new Error('update returned no row')
          item = itemOf('decision', after.id, after.title, after.version, 0, before, named, after.updatedAt)
        } else {
          const [row] = await tx.select().from(strategies).where(eq(strategies.id, input.holderId)).for('update')
          if (!row) return undefined
          if (row.version !== expectedVersion) throw new StaleVersionError('strategy', row.version)
          const current = row.tradeoffs[input.tradeoffIndex]
          if (!current) throw new ConflictError('This strategy states no such tradeoff; reload the list of tradeoffs to confirm')
          before = current
          // Only the picks change, never the published words: no revision is needed to confirm them.
          const tradeoffs = row.tradeoffs.map((t, i) =>
            i === input.tradeoffIndex ? { ...t, ...picks, prioritiesConfirmed: true } : t,
          )
          const [after] = await tx
            .update(strategies)
            .set({ tradeoffs, version: row.version + 1, updatedAt: new Date() })
            .where(eq(strategies.id, row.id))
            .returning()
          if (!after) throw new Error('update returned no row')
          item = itemOf('strategy', after.id, after.title, after.version, input.tradeoffIndex, before, named, after.updatedAt)
        }
        await recordAudit(tx, {
          actor,
          action: 'confirm_priorities',
          entityType: input.holderKind,
          entityId: input.holderId,
          changes: {
            [`tradeoff${input.holderKind === 'strategy' ? `s.${input.tradeoffIndex}` : ''}.priorities`]: {
              before: {
                preferPriorityId: before.preferPriorityId ?? null,
                overPriorityId: before.overPriorityId ?? null,
                prioritiesConfirmed: before.prioritiesConfirmed === true,
              },
              after: { ...picks, prioritiesConfirmed: true },
            },
          },
        })
        return item
      })
    },
  }
}

function itemOf(
  holderKind: TradeoffToConfirm['holderKind'],
  holderId: string,
  holderTitle: string,
  holderVersion: number,
  tradeoffIndex: number,
  t: PriorityTradeoff,
  picks: { preferPriorityId: string; overPriorityId: string; preferPriorityName: string; overPriorityName: string },
  updatedAt: Date,
): TradeoffToConfirm {
  return {
    holderKind,
    holderId,
    holderTitle,
    holderVersion,
    tradeoffIndex,
    prefer: t.prefer,
    over: t.over,
    forGoal: t.forGoal,
    ...picks,
    updatedAt: updatedAt.toISOString(),
  }
}

export type PriorityConfirmationRepository = ReturnType<typeof priorityConfirmationRepository>
