import { type IncidentDecisionClass, type IncidentGroupQuery, type IncidentQuery, lagBucketKeys } from '@misalign/shared'
import { eq, gte, inArray, isNotNull, isNull, lte, or, type SQL, sql } from 'drizzle-orm'
import { clusterMembers, incidents } from '../../schema/index'
import { countsTowardsGap, countsTowardsStrategy } from '../gaps/gap-attribution'
import { displayedTeamId, type IncidentViewer } from './incident-visibility'

/** The incident list's filters as SQL conditions (undefined: the filter is not set). */
export function filtersOf(query: IncidentGroupQuery & Pick<IncidentQuery, 'mine'>, viewer: IncidentViewer): (SQL | undefined)[] {
  return [
    // Their own anonymous reports carry no reporter id, only the viewer's keyed hash (ADR 007).
    query.mine ? or(eq(incidents.reporterId, viewer.userId), eq(incidents.reporterKey, viewer.reporterKey)) : undefined,
    // Filtering by the team people see, so a filter cannot undo the small-team rule.
    query.reportingTeamId?.length ? inArray(displayedTeamId, query.reportingTeamId) : undefined,
    query.decisionOwnerTeamId?.length ? inArray(incidents.decisionOwnerTeamId, query.decisionOwnerTeamId) : undefined,
    query.rootCause?.length ? inArray(incidents.rootCause, query.rootCause) : undefined,
    query.status?.length ? inArray(incidents.status, query.status) : undefined,
    query.discoveryChannel?.length ? inArray(incidents.discoveryChannel, query.discoveryChannel) : undefined,
    query.decisionId ? eq(incidents.decisionId, query.decisionId) : undefined,
    query.hasDecision === undefined
      ? undefined
      : query.hasDecision
        ? isNotNull(incidents.decisionId)
        : isNull(incidents.decisionId),
    // The incidents that count towards the gap: named by hand, or through its decisions (ADR 017).
    query.gapId ? countsTowardsGap(query.gapId, sql`${incidents.gapId}`, sql`${incidents.decisionId}`) : undefined,
    query.strategyId ? countsTowardsStrategy(query.strategyId, sql`${incidents.gapId}`, sql`${incidents.decisionId}`) : undefined,
    query.clusterId
      ? sql`exists (select 1 from ${clusterMembers} where ${clusterMembers.clusterId} = ${query.clusterId} and ${clusterMembers.incidentId} = ${incidents.id})`
      : undefined,
    query.from ? gte(incidents.discoveredAt, query.from) : undefined,
    query.to ? lte(incidents.discoveredAt, query.to) : undefined,
    query.q?.trim() ? sql`${incidents.searchText} @@ websearch_to_tsquery('english', ${query.q})` : undefined,
    // The filters behind the dashboard's marks, worded as the analytics count them.
    query.harmKind?.length ? sql`${incidents.harmKinds} && array[${listOf(query.harmKind)}]::harm_kind[]` : undefined,
    query.hasOwner === undefined
      ? undefined
      : query.hasOwner
        ? isNotNull(incidents.decisionOwnerTeamId)
        : isNull(incidents.decisionOwnerTeamId),
    query.decisionClass?.length ? decisionClassIn(query.decisionClass) : undefined,
    query.lagBucket?.length
      ? sql`exists (select 1 from decisions d where d.id = ${incidents.decisionId}
          and analytics_lag_bucket(${incidents.discoveredAt} - d.decided_at) in (${listOf(query.lagBucket.map((key) => lagBucketKeys.indexOf(key)))}))`
      : undefined,
  ]
}

const listOf = (values: readonly (string | number)[]) =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )

/** An incident's decision class as the dashboard counts it (analytics-repository decisionClasses). */
function decisionClassIn(classes: readonly IncidentDecisionClass[]): SQL {
  const complete = sql`coalesce(btrim(d.tradeoff_prefer), '') <> '' and coalesce(btrim(d.tradeoff_over), '') <> ''
    and coalesce(btrim(d.tradeoff_for_goal), '') <> ''`
  const alternatives = classes.map((c) =>
    c === 'no_decision_record'
      ? sql`${incidents.decisionId} is null`
      : sql`exists (select 1 from decisions d where d.id = ${incidents.decisionId} and ${c === 'strategy_bearing' ? complete : sql`not (${complete})`})`,
  )
  return sql`(${sql.join(alternatives, sql` or `)})`
}
