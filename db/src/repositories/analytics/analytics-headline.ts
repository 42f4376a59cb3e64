import {
  type AnalyticsQuery,
  type ChangeCandidate,
  changeOf,
  type DayWindow,
  type Headline,
  isListableTeamCount,
  lagBuckets,
  medianLagBucket,
  rankChanges,
  type WhatChangedEntry,
} from '@misalign/shared'
import { type SQL, sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../client'
import type { IncidentViewer } from '../incidents/incident-visibility'
import { factsCte, shapes } from './analytics-facts'
import { scopeCte } from './analytics-scope'

/*
 * The dashboard's headline (docs/decisions/031): a window against the window of equal length just
 * before it. Every number comes from the same `facts` as the charts (analytics-facts.ts), read once
 * over both windows with the day kept, so the tiles equal the sums of /harm, /trends and
 * /discovery-lag for the same dates, and a viewer's restricted-incident visibility is the charts'.
 */

type Period = 'current' | 'previous'
interface Windows {
  current: DayWindow
  previous: DayWindow
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits
const ratio = (a: number, b: number) => (b > 0 ? round(a / b, 2) : null)
const num = (value: unknown) => Number(value ?? 0)
/** Which window a fact's day falls in; facts are read over both windows at once. */
const periodOfDay = (windows: Windows) => sql`case when day >= ${windows.current.from}::date then 'current' else 'previous' end`
const humanize = (value: string) => value.charAt(0).toUpperCase() + value.slice(1).replaceAll('_', ' ')

interface Sums {
  incidents: number
  weightedHarm: number
}
type Both = Record<Period, Sums>
const zero = (): Both => ({ current: { incidents: 0, weightedHarm: 0 }, previous: { incidents: 0, weightedHarm: 0 } })

/** Rows of (key, period, n, wh) folded into one entry per key holding both windows. */
function byKey<R extends { key: string; period: Period; n: number; wh: number }>(rows: readonly R[]): Map<string, Both> {
  const out = new Map<string, Both>()
  for (const r of rows) {
    const both = out.get(r.key) ?? zero()
    both[r.period].incidents += r.n
    both[r.period].weightedHarm += num(r.wh)
    out.set(r.key, both)
  }
  return out
}

type Candidate = ChangeCandidate & Pick<WhatChangedEntry, 'kind' | 'filters'>

export function analyticsHeadline(db: Db) {
  const rows = <T>(query: SQL) => queryRows<T>(db, query)

  /** The headline for the windows given; `query` carries the incident-list filters (its dates are replaced). */
  async function headline(query: AnalyticsQuery, viewer: IncidentViewer, windows: Windows): Promise<Headline> {
    const span: AnalyticsQuery = { ...query, from: windows.previous.from, to: windows.current.to }
    const period = periodOfDay(windows)
    const pairs = await rows<{ owner: string | null; team: string; period: Period; n: number; wh: number; eng: number }>(sql`
      ${factsCte(shapes.teamPair, span, viewer, ['day', 'decision_owner_team_id', 'shown_team_id'])}
      select decision_owner_team_id as owner, shown_team_id as team, ${period} as period, sum(incidents)::int as n,
        sum(weighted_harm)::int as wh, sum(engineer_days_lost)::float8 as eng
      from facts group by 1, 2, 3`)
    const causes = await rows<{ key: string; period: Period; n: number; wh: number }>(sql`
      ${factsCte(shapes.rootCause, span, viewer, ['day', 'root_cause'])}
      select root_cause::text as key, ${period} as period, sum(incidents)::int as n, sum(weighted_harm)::int as wh
      from facts group by 1, 2`)
    const decided = await rows<{ key: string; title: string; period: Period; n: number; wh: number }>(sql`
      ${factsCte(shapes.decision, span, viewer, ['day', 'decision_id'])},
      per_decision as (select decision_id, ${period} as period, sum(incidents)::int as n, sum(weighted_harm)::int as wh
        from facts where decision_id is not null group by 1, 2)
      select p.decision_id::text as key, d.title, p.period, p.n, p.wh
      from per_decision p join decisions d on d.id = p.decision_id`)
    const lags = await rows<{ bucket: number; period: Period; n: number }>(sql`
      ${factsCte(shapes.lag, span, viewer, ['day', 'lag_bucket'])}
      select lag_bucket as bucket, ${period} as period, sum(incidents)::int as n
      from facts where lag_bucket is not null group by 1, 2`)
    // Status is on no rollup: the visible, filtered incidents are counted directly.
    const triage = await rows<{ period: Period; n: number; open: number }>(sql`${scopeCte(span, viewer)}
      select ${sql`case when discovered_at >= ${windows.current.from}::date then 'current' else 'previous' end`} as period,
        count(*)::int as n, count(*) filter (where status = 'open')::int as open
      from scope group by 1`)
    // Decisions recorded over the same days, as /trends counts them: only the owner filter applies.
    const owners = query.decisionOwnerTeamId
    const recorded = await rows<{ period: Period; n: number }>(sql`
      select case when decided_at >= ${windows.current.from}::date then 'current' else 'previous' end as period,
        count(*)::int as n from decisions
      where decided_at between ${windows.previous.from} and ${windows.current.to}
        ${owners?.length ? sql`and owning_team_id in ${owners}` : sql``}
      group by 1`)

    const teamIds = [...new Set(pairs.flatMap((r) => (r.owner ? [r.owner, r.team] : [r.team])))]
    const teamNames = new Map(
      (teamIds.length
        ? await rows<{ id: string; name: string }>(sql`select id::text, name from teams where id in ${teamIds}`)
        : []
      ).map((t) => [t.id, t.name]),
    )

    const sumOf = (p: Period, pick: (r: (typeof pairs)[number]) => number) =>
      pairs.filter((r) => r.period === p).reduce((sum, r) => sum + num(pick(r)), 0)
    const incidents = changeOf(
      sumOf('current', (r) => r.n),
      sumOf('previous', (r) => r.n),
      0,
    )
    const decisionsRecorded = {
      current: recorded.find((r) => r.period === 'current')?.n ?? 0,
      previous: recorded.find((r) => r.period === 'previous')?.n ?? 0,
    }
    const perDecision = {
      current: ratio(incidents.current, decisionsRecorded.current),
      previous: ratio(incidents.previous, decisionsRecorded.previous),
    }
    const perDecisionChange =
      perDecision.current !== null && perDecision.previous !== null ? changeOf(perDecision.current, perDecision.previous) : null
    const lagBucketOf = (p: Period) =>
      medianLagBucket(lagBuckets.map((_, index) => lags.find((r) => r.period === p && r.bucket === index)?.n ?? 0))
    const lag = { current: lagBucketOf('current'), previous: lagBucketOf('previous') }
    const shareOf = (p: Period) => {
      const t = triage.find((r) => r.period === p)
      return t && t.n > 0 ? round(t.open / t.n, 3) : 0
    }

    const pairCandidates: Candidate[] = []
    const pairKey = (r: (typeof pairs)[number]) => `${r.owner}>${r.team}`
    for (const [key, both] of byKey(pairs.filter((r) => r.owner).map((r) => ({ ...r, key: pairKey(r) })))) {
      // A pair's change would give a small count away: it is listed only when neither count is small.
      if (!isListableTeamCount(both.current.incidents, both.previous.incidents)) continue
      const [owner, team] = key.split('>') as [string, string]
      pairCandidates.push({
        kind: 'team_pair',
        key: `team_pair:${key}`,
        label: `${teamNames.get(owner) ?? 'Unknown team'} → ${teamNames.get(team) ?? 'Unknown team'}`,
        ...both,
        filters: { decisionOwnerTeamId: [owner], reportingTeamId: [team] },
      })
    }
    const titles = new Map(decided.map((r) => [r.key, r.title]))
    const decisionCandidates: Candidate[] = [...byKey(decided)].map(([id, both]) => ({
      kind: 'decision',
      key: `decision:${id}`,
      label: titles.get(id) ?? 'Untitled decision',
      ...both,
      filters: { decisionId: id },
    }))
    // "Not analysed yet" is no cause to act on; the untriaged tile speaks for it.
    const causeCandidates: Candidate[] = [...byKey(causes.filter((r) => r.key !== 'unknown'))].map(([cause, both]) => ({
      kind: 'root_cause',
      key: `root_cause:${cause}`,
      label: humanize(cause),
      ...both,
      filters: { rootCause: [cause as never] },
    }))
    const ranked = rankChanges([...pairCandidates, ...decisionCandidates, ...causeCandidates])
    const entry = (c: Candidate): WhatChangedEntry => ({
      kind: c.kind,
      key: c.key,
      label: c.label,
      current: c.current,
      previous: c.previous,
      change: {
        incidents: c.current.incidents - c.previous.incidents,
        weightedHarm: c.current.weightedHarm - c.previous.weightedHarm,
      },
      filters: c.filters,
    })

    return {
      window: windows.current,
      previousWindow: windows.previous,
      tiles: {
        weightedHarm: changeOf(
          sumOf('current', (r) => r.wh),
          sumOf('previous', (r) => r.wh),
          0,
        ),
        engineerDaysLost: changeOf(
          round(
            sumOf('current', (r) => r.eng),
            1,
          ),
          round(
            sumOf('previous', (r) => r.eng),
            1,
          ),
          1,
        ),
        incidents,
        incidentsPerDecision: {
          ...perDecision,
          change: perDecisionChange?.change ?? null,
          changePercent: perDecisionChange?.changePercent ?? null,
          decisionsRecorded,
        },
        medianDiscoveryLag: {
          ...lag,
          change: lag.current !== null && lag.previous !== null ? lag.current - lag.previous : null,
          changePercent: null,
          currentLabel: lag.current === null ? null : (lagBuckets[lag.current]?.label ?? null),
          previousLabel: lag.previous === null ? null : (lagBuckets[lag.previous]?.label ?? null),
        },
        shareUntriaged: changeOf(shareOf('current'), shareOf('previous'), 3),
      },
      whatChanged: { rises: ranked.rises.map(entry), falls: ranked.falls.map(entry) },
    }
  }

  return { headline }
}

export type AnalyticsHeadline = ReturnType<typeof analyticsHeadline>
