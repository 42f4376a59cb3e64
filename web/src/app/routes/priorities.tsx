import { mayAttempt, type Priority } from '@misalign/shared'
import { useState } from 'react'
import { Loading, ProblemMessage } from '../../components/feedback'
import { PageHeader, usePageTitle } from '../../components/page'
import { ShowMore } from '../../components/show-more'
import { useDebouncedValue } from '../../components/use-debounced-value'
import { usePriorityList } from '../../features/priorities/api/priorities'
import { PriorityForm, PriorityTable } from '../../features/priorities/components/priority-register'
import { TradeoffsToConfirm } from '../../features/priorities/components/tradeoffs-to-confirm'
import { useUser } from '../../lib/session'

export default function PrioritiesRoute() {
  usePageTitle('Priorities')
  const user = useUser()
  const mayWrite = mayAttempt(user, 'priority.write')
  const [search, setSearch] = useState('')
  const q = useDebouncedValue(search.trim())
  const list = usePriorityList(q)
  // null: adding a priority; a priority: editing it; undefined: no form open.
  const [editing, setEditing] = useState<Priority | null | undefined>(undefined)
  const priorities = list.data?.pages.flatMap((p) => p.items) ?? []
  return (
    <>
      <PageHeader
        title="Priorities"
        intro="What the org may prefer, with the other words people use for it. Tradeoffs pick their X and Y from here, so conflicts are found between priorities, not spellings."
        actions={
          mayWrite &&
          editing === undefined && (
            <button type="button" className="button-primary" onClick={() => setEditing(null)}>
              Add a priority
            </button>
          )
        }
      />
      {!mayWrite && <p className="hint">Read-only for you: leads, leaders and admins keep the register.</p>}
      {editing !== undefined && (
        <PriorityForm key={editing?.id ?? 'new'} priority={editing} onDone={() => setEditing(undefined)} />
      )}
      <div className="field">
        <label htmlFor="priority-search">Search names and aliases</label>
        <input id="priority-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      {list.isPending && <Loading label="Loading priorities" />}
      {list.error && <ProblemMessage error={list.error} title="The priorities could not be loaded." />}
      {list.data && (
        <>
          <p className="hint" aria-live="polite">
            {list.data.pages[0]?.total ?? 0} priorities{q ? ` match “${q}”` : ''}.
          </p>
          <PriorityTable priorities={priorities} mayWrite={mayWrite} onEdit={setEditing} />
          <ShowMore list={list} label="Show more priorities" />
        </>
      )}
      <TradeoffsToConfirm mayConfirm={mayWrite} />
    </>
  )
}
