import { isCompleteTradeoff, type PriorityTradeoff } from '@misalign/shared'
import { sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../client'

/* The teams, strategies, decisions and signals the leadership read models start from. */

export type StrategyFact = {
  id: string
  title: string
  status: 'draft' | 'published' | 'retired'
  ownerTeamId: string
  scopeTeamIds: string[]
  tradeoffs: PriorityTradeoff[]
  reviewBy: string
  publishedAt: string | null
}
export type TeamFact = { id: string; parentTeamId: string | null; archived: boolean }
export type DecisionFact = {
  id: string
  title: string
  owningTeamId: string
  sharedWithTeamIds: string[]
  tradeoff: PriorityTradeoff | null
}

/** Postgres arrays arrive as arrays from pg and as '{a,b}' text from some drivers. */
export function textArray(value: string[] | string | null): string[] {
  if (Array.isArray(value)) return value
  if (!value || value === '{}') return []
  return value.replace(/^\{|\}$/g, '').split(',')
}

export function leadershipFacts(db: Db) {
  async function teamFacts(): Promise<TeamFact[]> {
    const rows = await queryRows<{ id: string; parent_team_id: string | null; archived: boolean }>(
      db,
      sql`select id, parent_team_id, archived_at is not null as archived from teams order by name, id`,
    )
    return rows.map((r) => ({ id: r.id, parentTeamId: r.parent_team_id, archived: r.archived }))
  }

  async function strategyFacts(): Promise<StrategyFact[]> {
    const rows = await queryRows<{
      id: string
      title: string
      status: StrategyFact['status']
      owner_team_id: string
      scope_team_ids: string[] | string
      tradeoffs: PriorityTradeoff[]
      review_by: string
      published_at: string | null
    }>(
      db,
      sql`select id, title, status, owner_team_id, scope_team_ids::text[] as scope_team_ids, tradeoffs,
            review_by::text as review_by, (published_at at time zone 'UTC')::date::text as published_at
          from strategies where status <> 'draft' order by title, id`,
    )
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      ownerTeamId: r.owner_team_id,
      scopeTeamIds: textArray(r.scope_team_ids),
      tradeoffs: r.tradeoffs,
      reviewBy: r.review_by,
      publishedAt: r.published_at,
    }))
  }

  /** Autonomy wins per strategy in the window, with the latest few notes. */
  async function winsByStrategy(window: { from: string; to: string }) {
    const rows = await queryRows<{ strategy_id: string; n: number; notes: { note: string; occurredAt: string }[] }>(
      db,
      sql`select strategy_id, count(*)::int as n,
            (jsonb_agg(jsonb_build_object('note', note, 'occurredAt', occurred_at::text) order by occurred_at desc, id))
              as notes
          from signals where kind = 'autonomy_win' and strategy_id is not null
            and occurred_at between ${window.from} and ${window.to}
          group by strategy_id`,
    )
    return new Map(rows.map((r) => [r.strategy_id, { count: r.n, recent: r.notes.slice(0, 3) }]))
  }

  async function signalCounts(window: { from: string; to: string }) {
    const [row] = await queryRows<{ wins: number; near: number }>(
      db,
      sql`select count(*) filter (where kind = 'autonomy_win')::int as wins, count(*) filter (where kind = 'near_miss')::int as near
          from signals where occurred_at between ${window.from} and ${window.to}`,
    )
    return { autonomyWins: row?.wins ?? 0, nearMisses: row?.near ?? 0 }
  }

  async function activeDecisionsWithTradeoff(): Promise<DecisionFact[]> {
    const rows = await queryRows<{
      id: string
      title: string
      owning_team_id: string
      shared: string[] | string
      prefer: string | null
      over: string | null
      for_goal: string | null
      prefer_id: string | null
      over_id: string | null
      confirmed: boolean
    }>(
      db,
      sql`select id, title, owning_team_id, shared_with_team_ids::text[] as shared, tradeoff_prefer as prefer,
            tradeoff_over as over, tradeoff_for_goal as for_goal, tradeoff_prefer_priority_id as prefer_id,
            tradeoff_over_priority_id as over_id, tradeoff_priorities_confirmed as confirmed
          from decisions where status = 'active' and tradeoff_prefer is not null`,
    )
    return rows.map((r) => {
      const tradeoff = { prefer: r.prefer ?? '', over: r.over ?? '', forGoal: r.for_goal ?? '' }
      return {
        id: r.id,
        title: r.title,
        owningTeamId: r.owning_team_id,
        sharedWithTeamIds: textArray(r.shared),
        tradeoff: isCompleteTradeoff(tradeoff)
          ? { ...tradeoff, preferPriorityId: r.prefer_id, overPriorityId: r.over_id, prioritiesConfirmed: r.confirmed }
          : null,
      }
    })
  }

  return { teamFacts, strategyFacts, winsByStrategy, signalCounts, activeDecisionsWithTradeoff }
}

export type LeadershipFacts = ReturnType<typeof leadershipFacts>
