import { discoveryChannels, incidentStatuses, rootCauses, type Team } from '@misalign/shared'
import { useSearchParams } from 'react-router'
import { Field } from '../../../components/field'
import { type FilterOptions, FilterSelect } from '../../../components/filter-select'
import { withFilter } from '../../../lib/incident-filters'
import { discoveryChannelLabels, incidentStatusLabels, rootCauseLabels } from '../../../lib/labels'
import { type DashboardView, dashboardRanges } from '../filters'
import { tabParam } from '../tabs'

/** Each control writes the URL; the charts read it. The words match the incident list's filters. */
export function DashboardFilterBar({ view, teams }: { view: DashboardView; teams: Team[] }) {
  const [search, setSearch] = useSearchParams()
  const set = (key: string, value: string) => setSearch(withFilter(search, key, value))
  const isFiltered = [...search.keys()].some((k) => k !== tabParam)

  /** Clears every filter; the chosen tab is where the reader is, not a filter, so it stays. */
  function clearFilters() {
    const next = new URLSearchParams()
    const tab = search.get(tabParam)
    if (tab) next.set(tabParam, tab)
    setSearch(next)
  }

  function chooseRange(value: string) {
    const next = new URLSearchParams(search)
    next.delete('range')
    next.delete('from')
    next.delete('to')
    if (value === 'custom') {
      // Start the custom range from the dates on screen, so nothing jumps.
      if (view.filters.from) next.set('from', view.filters.from)
      if (view.filters.to) next.set('to', view.filters.to)
    } else next.set('range', value)
    setSearch(next)
  }

  function chooseDay(key: 'from' | 'to', value: string) {
    const next = new URLSearchParams(search)
    next.delete('range')
    // A date typed into a rolling range keeps the other end where it was.
    const other = key === 'from' ? 'to' : 'from'
    if (!next.get(other) && view.filters[other]) next.set(other, view.filters[other] as string)
    next.delete(key)
    if (value) next.set(key, value)
    setSearch(next)
  }

  const select = (key: string, label: string, options: FilterOptions) => (
    <FilterSelect
      id={`dashboard-${key}`}
      label={label}
      values={search.getAll(key)}
      options={options}
      onChange={(value) => set(key, value)}
    />
  )
  const teamOptions = teams.map((t) => [t.id, t.name] as const)

  return (
    <section aria-label="Filter the dashboard" className="card">
      <div className="filters">
        <Field id="dashboard-range" label="Period">
          {(c) => (
            <select {...c} value={view.range} onChange={(e) => chooseRange(e.target.value)}>
              {dashboardRanges.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
              <option value="custom">Chosen dates</option>
            </select>
          )}
        </Field>
        <Field id="dashboard-from" label="Discovered from">
          {(c) => (
            <input {...c} type="date" value={view.filters.from ?? ''} onChange={(e) => chooseDay('from', e.target.value)} />
          )}
        </Field>
        <Field id="dashboard-to" label="Discovered until">
          {(c) => <input {...c} type="date" value={view.filters.to ?? ''} onChange={(e) => chooseDay('to', e.target.value)} />}
        </Field>
        <Field id="dashboard-interval" label="Group by">
          {(c) => (
            <select {...c} value={view.isIntervalChosen ? view.interval : ''} onChange={(e) => set('interval', e.target.value)}>
              <option value="">Automatic ({view.isIntervalChosen ? 'by length' : `${view.interval}s`})</option>
              <option value="week">Weeks</option>
              <option value="month">Months</option>
            </select>
          )}
        </Field>
        {select(
          'rootCause',
          'Root cause',
          rootCauses.map((r) => [r, rootCauseLabels[r].label] as const),
        )}
        {select(
          'status',
          'Status',
          incidentStatuses.map((s) => [s, incidentStatusLabels[s]] as const),
        )}
        {select(
          'discoveryChannel',
          'Discovered',
          discoveryChannels.map((d) => [d, discoveryChannelLabels[d]] as const),
        )}
        {select('reportingTeamId', 'Reporting team', teamOptions)}
        {select('decisionOwnerTeamId', 'Decision owner team', teamOptions)}
      </div>
      {isFiltered && (
        <button type="button" className="button-link" onClick={clearFilters}>
          Back to the last 90 days, all teams
        </button>
      )}
      {view.ignored.length > 0 && (
        <p className="hint">
          This address also filters by {view.ignored.map((k) => ignoredWords[k] ?? k).join(', ')}: the incident list applies that,
          the charts do not.
        </p>
      )}
    </section>
  )
}

const ignoredWords: Record<string, string> = { q: 'search words', decisionId: 'one decision', gapId: 'one strategy gap' }
