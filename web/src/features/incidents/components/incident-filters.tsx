import { discoveryChannels, incidentStatuses, rootCauses, type Team } from '@misalign/shared'
import { type FormEvent, useEffect, useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { withFilter } from '../../../lib/incident-filters'
import {
  decisionClassLabels,
  discoveryChannelLabels,
  formatDay,
  harmKindLabels,
  incidentStatusLabels,
  lagBucketLabels,
  rootCauseLabels,
} from '../../../lib/labels'
import { useUser } from '../../../lib/session'

type Choices = readonly (readonly [string, string])[]

/** Saved views: each is a set of URL filters, so a chip is a link and a link is a view. */
function savedViews(teamIds: readonly string[]): { label: string; params: [string, string][] }[] {
  return [
    { label: 'My reports', params: [['mine', 'true']] },
    { label: "My team's", params: teamIds.map((id) => ['reportingTeamId', id] as [string, string]) },
    { label: 'Untriaged', params: [['status', 'open']] },
    { label: 'No decision', params: [['hasDecision', 'false']] },
  ]
}

const filterKeysOf = (search: URLSearchParams) =>
  [...search.entries()].filter(([key]) => key !== 'sort').map(([key, value]) => `${key}=${value}`)
const sameFilters = (search: URLSearchParams, params: [string, string][]) => {
  const have = filterKeysOf(search).sort()
  const want = params.map(([k, v]) => `${k}=${v}`).sort()
  return have.length === want.length && have.every((entry, i) => entry === want[i])
}

/**
 * Compact filters: saved views and the active filters as chips, search inline, and the rest of
 * the filters folded away. Each control writes the URL; the list reads the URL.
 */
export function IncidentFilterBar({ teams }: { teams: Team[] }) {
  const [search, setSearch] = useSearchParams()
  const user = useUser()
  const [q, setQ] = useState(search.get('q') ?? '')
  useEffect(() => setQ(search.get('q') ?? ''), [search])
  const set = (key: string, value: string) => setSearch(withFilter(search, key, value))
  const teamChoices: Choices = teams.map((t) => [t.id, t.name] as const)
  const teamName = (id: string) => teams.find((t) => t.id === id)?.name ?? 'a team'

  const views = savedViews(user.teamIds).filter((view) => view.params.length > 0)
  const viewHref = (params: [string, string][]) => {
    const next = new URLSearchParams(params)
    const sort = search.get('sort')
    if (sort) next.set('sort', sort)
    return `?${next.toString()}`
  }

  const describe = (key: string, value: string): string | undefined => {
    switch (key) {
      case 'status':
        return `Status: ${incidentStatusLabels[value as keyof typeof incidentStatusLabels] ?? value}`
      case 'rootCause':
        return `Root cause: ${rootCauseLabels[value as keyof typeof rootCauseLabels]?.label ?? value}`
      case 'discoveryChannel':
        return `Found through: ${discoveryChannelLabels[value as keyof typeof discoveryChannelLabels] ?? value}`
      case 'reportingTeamId':
        return `Reported by ${teamName(value)}`
      case 'decisionOwnerTeamId':
        return `Decision of ${teamName(value)}`
      case 'from':
        return `Discovered on or after ${formatDay(value)}`
      case 'to':
        return `Discovered on or before ${formatDay(value)}`
      case 'q':
        return `Words: “${value}”`
      case 'mine':
        return value === 'true' ? 'My reports' : undefined
      case 'hasDecision':
        return value === 'false' ? 'No decision yet' : 'Decision named'
      case 'harmKind':
        return `Harm: ${harmKindLabels[value as keyof typeof harmKindLabels] ?? value}`
      case 'decisionClass':
        return decisionClassLabels[value as keyof typeof decisionClassLabels] ?? value
      case 'lagBucket':
        return lagBucketLabels[value as keyof typeof lagBucketLabels] ?? value
      case 'hasOwner':
        return value === 'false' ? 'Decision owner not recorded' : 'Decision owner recorded'
      case 'decisionId':
        return 'One decision'
      case 'gapId':
        return 'One strategy gap'
      case 'strategyId':
        return 'The gaps one strategy addresses'
      default:
        return undefined
    }
  }
  const active = [...search.entries()].flatMap(([key, value]) => {
    const text = describe(key, value)
    return text ? [{ key, value, text }] : []
  })
  const without = (key: string, value: string) => {
    const next = new URLSearchParams()
    for (const [k, v] of search.entries()) if (!(k === key && v === value)) next.append(k, v)
    return next
  }

  const select = (key: string, label: string, choices: Choices) => {
    const values = search.getAll(key)
    const id = `filter-${key}`
    return (
      <div className="compact-filter">
        <label htmlFor={id}>{label}</label>
        <select id={id} value={values.length > 1 ? '__several' : (values[0] ?? '')} onChange={(e) => set(key, e.target.value)}>
          <option value="">Any</option>
          {values.length > 1 && (
            <option value="__several" disabled>
              Several ({values.length})
            </option>
          )}
          {choices.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </div>
    )
  }
  // Open when the address already sets one of the folded filters, so what applies is in view.
  const foldedKeys = ['status', 'rootCause', 'discoveryChannel', 'reportingTeamId', 'decisionOwnerTeamId', 'from', 'to']
  const isFoldedFilterSet = foldedKeys.some((key) => search.has(key))

  function submitSearch(event: FormEvent) {
    event.preventDefault()
    set('q', q.trim())
  }

  return (
    <section aria-label="Filter incidents" className="filter-bar">
      <div className="filter-row">
        <form aria-label="Search incidents" onSubmit={submitSearch} className="inline-search">
          <label htmlFor="filter-q" className="visually-hidden">
            Search titles and stories
          </label>
          <input
            id="filter-q"
            type="search"
            placeholder="Search titles and stories"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          <button type="submit" className="button-secondary">
            Search
          </button>
        </form>
        <nav aria-label="Saved views" className="chip-row">
          {views.map((view) => {
            const current = sameFilters(search, view.params)
            return (
              <Link
                key={view.label}
                className={`chip${current ? ' chip-current' : ''}`}
                aria-current={current ? 'page' : undefined}
                to={viewHref(view.params)}
              >
                {view.label}
              </Link>
            )
          })}
        </nav>
      </div>
      {active.length > 0 && (
        <ul className="chip-row" aria-label="Active filters">
          {active.map(({ key, value, text }) => (
            <li key={`${key}=${value}`}>
              <button type="button" className="chip chip-removable" onClick={() => setSearch(without(key, value))}>
                {text}
                <span aria-hidden="true"> ×</span>
                <span className="visually-hidden"> (remove this filter)</span>
              </button>
            </li>
          ))}
          <li>
            <button type="button" className="button-link" onClick={() => setSearch(new URLSearchParams())}>
              Clear all
            </button>
          </li>
        </ul>
      )}
      <details className="more-filters" open={isFoldedFilterSet || undefined}>
        <summary>More filters</summary>
        <div className="compact-filters">
          {select(
            'status',
            'Status',
            incidentStatuses.map((s) => [s, incidentStatusLabels[s]] as const),
          )}
          {select(
            'rootCause',
            'Root cause',
            rootCauses.map((r) => [r, rootCauseLabels[r].label] as const),
          )}
          {select(
            'discoveryChannel',
            'Found through (channel)',
            discoveryChannels.map((d) => [d, discoveryChannelLabels[d]] as const),
          )}
          {select('reportingTeamId', 'Reporting team', teamChoices)}
          {select('decisionOwnerTeamId', 'Decision owner team', teamChoices)}
          <fieldset className="compact-filter date-range">
            <legend>Discovery date between</legend>
            <input
              type="date"
              aria-label="Discovered on or after"
              value={search.get('from') ?? ''}
              onChange={(e) => set('from', e.target.value)}
            />
            <span aria-hidden="true">and</span>
            <input
              type="date"
              aria-label="Discovered on or before"
              value={search.get('to') ?? ''}
              onChange={(e) => set('to', e.target.value)}
            />
          </fieldset>
        </div>
      </details>
    </section>
  )
}
