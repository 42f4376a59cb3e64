import { discoveryChannels, incidentStatuses, rootCauses, type Team } from '@misalign/shared'
import { type FormEvent, useEffect, useState } from 'react'
import { useSearchParams } from 'react-router'
import { Field } from '../../../components/field'
import { type FilterOptions, FilterSelect } from '../../../components/filter-select'
import { withFilter } from '../../../lib/incident-filters'
import { discoveryChannelLabels, incidentStatusLabels, rootCauseLabels } from '../../../lib/labels'

/** Each control writes its value into the URL; the list reads the URL. */
export function IncidentFilterBar({ teams }: { teams: Team[] }) {
  const [search, setSearch] = useSearchParams()
  const [q, setQ] = useState(search.get('q') ?? '')
  useEffect(() => setQ(search.get('q') ?? ''), [search])

  const set = (key: string, value: string) => setSearch(withFilter(search, key, value))
  const select = (key: string, label: string, options: FilterOptions) => (
    <FilterSelect
      id={`filter-${key}`}
      label={label}
      values={search.getAll(key)}
      options={options}
      onChange={(value) => set(key, value)}
    />
  )
  const teamOptions = teams.map((t) => [t.id, t.name] as const)

  function submitSearch(event: FormEvent) {
    event.preventDefault()
    set('q', q.trim())
  }

  return (
    <section aria-label="Filter incidents" className="card">
      <form aria-label="Search incidents" onSubmit={submitSearch} className="search-row">
        <Field id="filter-q" label="Search titles and stories">
          {(c) => <input {...c} type="search" value={q} onChange={(e) => setQ(e.target.value)} />}
        </Field>
        <button type="submit" className="button-secondary">
          Search
        </button>
      </form>
      <div className="filters">
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
          'Discovered',
          discoveryChannels.map((d) => [d, discoveryChannelLabels[d]] as const),
        )}
        {select('reportingTeamId', 'Reporting team', teamOptions)}
        {select('decisionOwnerTeamId', 'Decision owner team', teamOptions)}
        <Field id="filter-from" label="Discovered from">
          {(c) => <input {...c} type="date" value={search.get('from') ?? ''} onChange={(e) => set('from', e.target.value)} />}
        </Field>
        <Field id="filter-to" label="Discovered until">
          {(c) => <input {...c} type="date" value={search.get('to') ?? ''} onChange={(e) => set('to', e.target.value)} />}
        </Field>
      </div>
      {[...search.keys()].length > 0 && (
        <button type="button" className="button-link" onClick={() => setSearch(new URLSearchParams())}>
          Clear all filters
        </button>
      )}
    </section>
  )
}
