import { mayAttempt } from '@misalign/shared'
import { useState } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { PageHeader, usePageTitle } from '../../components/page'
import type { RankingFilters } from '../../features/strategy-gaps/api/strategy-gaps'
import { GapForm } from '../../features/strategy-gaps/components/gap-forms'
import { GapRegister, RankingFiltersForm } from '../../features/strategy-gaps/components/gap-register'
import { GapSuggestions } from '../../features/strategy-gaps/components/gap-suggestions'
import { useUser } from '../../lib/session'

const day = /^\d{4}-\d{2}-\d{2}$/

/** The window and status live in the URL, so a ranked view can be shared as a link. */
function filtersFrom(search: URLSearchParams): RankingFilters {
  const filters: Record<string, string> = {}
  for (const key of ['from', 'to'] as const) {
    const value = search.get(key)
    if (value && day.test(value)) filters[key] = value
  }
  const status = search.get('status')
  if (status) filters.status = status
  return filters as RankingFilters
}

export default function StrategyGapsRoute() {
  usePageTitle('Strategy gaps')
  const user = useUser()
  const navigate = useNavigate()
  const [search, setSearch] = useSearchParams()
  const [isCreating, setCreating] = useState(false)
  const mayCreate = mayAttempt(user, 'gap.create')
  const filters = filtersFrom(search)
  const window = { ...(filters.from ? { from: filters.from } : {}), ...(filters.to ? { to: filters.to } : {}) }
  return (
    <>
      <PageHeader
        title="Strategy gaps"
        intro="Missing or stale pieces of strategy that incidents point at, ranked by the harm they caused: the short list of strategies to write next."
        actions={
          mayCreate &&
          !isCreating && (
            <button type="button" className="button-primary" onClick={() => setCreating(true)}>
              Open a gap
            </button>
          )
        }
      />
      {!mayCreate && <p className="hint">Read-only for you: leads, leaders and admins open strategy gaps.</p>}
      {isCreating && <GapForm onCancel={() => setCreating(false)} onSaved={(g) => navigate(`/strategy-gaps/${g.id}`)} />}
      <RankingFiltersForm
        filters={filters}
        onChange={(next) => setSearch(new URLSearchParams(next as Record<string, string>), { replace: true })}
      />
      <GapRegister filters={filters} />
      <GapSuggestions window={window} mayCreate={mayCreate} onOpened={(g) => navigate(`/strategy-gaps/${g.id}`)} />
    </>
  )
}
