import {
  discoveryChannels,
  harmKinds,
  type IncidentQuery,
  incidentDecisionClasses,
  incidentSortFields,
  incidentStatuses,
  lagBucketKeys,
  rootCauses,
} from '@misalign/shared'

/**
 * The incident list's URL filter vocabulary. It lives here, not in the incidents feature,
 * because other screens (the dashboard's drill-downs) must write links the list reads back.
 */
export type IncidentFilters = Omit<IncidentQuery, 'limit' | 'cursor'>

const listKeys = [
  'status',
  'rootCause',
  'discoveryChannel',
  'reportingTeamId',
  'decisionOwnerTeamId',
  'harmKind',
  'decisionClass',
  'lagBucket',
] as const
const textKeys = ['q', 'from', 'to', 'decisionId', 'gapId', 'strategyId'] as const
const allowed: Partial<Record<(typeof listKeys)[number], readonly string[]>> = {
  status: incidentStatuses,
  rootCause: rootCauses,
  discoveryChannel: discoveryChannels,
  harmKind: harmKinds,
  decisionClass: incidentDecisionClasses,
  lagBucket: lagBucketKeys,
}
const flagKeys = ['mine', 'hasDecision', 'hasOwner'] as const
const sorts: readonly string[] = incidentSortFields.flatMap((field) => [field, `-${field}`])
const uuid = /^[0-9a-f-]{36}$/i
const day = /^\d{4}-\d{2}-\d{2}$/

/**
 * Filters live in the URL, so a link reproduces a view. Values the API would refuse are dropped
 * here, so a mangled link shows a wider list rather than an error.
 */
export function filtersFromSearch(search: URLSearchParams): IncidentFilters {
  const filters: Record<string, unknown> = {}
  for (const key of listKeys) {
    const values = search.getAll(key).filter((v) => (allowed[key] ? allowed[key].includes(v) : uuid.test(v)))
    if (values.length > 0) filters[key] = values
  }
  for (const key of textKeys) {
    const value = search.get(key)?.trim()
    if (!value) continue
    if ((key === 'from' || key === 'to') && !day.test(value)) continue
    if ((key === 'decisionId' || key === 'gapId' || key === 'strategyId') && !uuid.test(value)) continue
    filters[key] = value.slice(0, 200)
  }
  for (const key of flagKeys) {
    const value = search.get(key)
    if (value === 'true' || value === 'false') filters[key] = value === 'true'
  }
  const sort = search.get('sort')
  if (sort && sorts.includes(sort)) filters.sort = sort
  return filters as IncidentFilters
}

/** The inverse of `filtersFromSearch`: repeated parameters for lists, in a stable order. */
export function searchFromFilters(filters: IncidentFilters): URLSearchParams {
  const search = new URLSearchParams()
  for (const key of [...textKeys, ...listKeys]) {
    const value = filters[key]
    if (Array.isArray(value)) for (const v of value) search.append(key, v)
    else if (typeof value === 'string' && value) search.set(key, value)
  }
  for (const key of flagKeys) if (typeof filters[key] === 'boolean') search.set(key, String(filters[key]))
  if (filters.sort) search.set('sort', filters.sort)
  return search
}

/** The incident list showing exactly these filters. */
export function incidentListHref(filters: IncidentFilters): string {
  const query = searchFromFilters(filters).toString()
  return query ? `/incidents?${query}` : '/incidents'
}

/** Sets one filter in the URL (empty removes it), keeping every other one. */
export function withFilter(search: URLSearchParams, key: string, value: string): URLSearchParams {
  const next = new URLSearchParams(search)
  next.delete(key)
  if (value) next.set(key, value)
  return next
}

/** Filters that narrow the list (the sort does not). */
export const hasFilters = ({ sort: _sort, ...filters }: IncidentFilters) => Object.keys(filters).length > 0
