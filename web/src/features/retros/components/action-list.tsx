import {
  type ActionKind,
  type ActionStatus,
  actionClassLabels,
  actionKindLabels,
  actionKinds,
  actionStatuses,
  actionStatusLabels,
  mayAttempt,
} from '@misalign/shared'
import { useState } from 'react'
import { ExportLinks } from '../../../components/export-links'
import { Field } from '../../../components/field'
import { PagedList } from '../../../components/paged-list'
import { activeTeams, useTeamName, useTeams } from '../../../lib/reference-data'
import { useUser } from '../../../lib/session'
import { type ActionFilters, useActionList } from '../api/retros'
import { ActionTable } from './action-tables'

/** Every action across retros, filtered by status, kind, class and owner team. */
export function ActionList() {
  const [filters, setFilters] = useState<ActionFilters>({ status: 'open' })
  const list = useActionList(filters)
  const teams = useTeams()
  const teamName = useTeamName()
  const user = useUser()
  const set = (changes: Partial<ActionFilters>) => {
    const next: ActionFilters = { ...filters, ...changes }
    for (const key of Object.keys(next) as (keyof ActionFilters)[]) if (!next[key]) delete next[key]
    setFilters(next)
  }
  return (
    <>
      <form className="card filters" aria-label="Filter actions" onSubmit={(e) => e.preventDefault()}>
        <Field id="actions-status" label="Status">
          {(c) => (
            <select
              {...c}
              value={filters.status ?? ''}
              onChange={(e) => set({ status: (e.target.value || undefined) as ActionStatus })}
            >
              <option value="">Any</option>
              {actionStatuses.map((s) => (
                <option key={s} value={s}>
                  {actionStatusLabels[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="actions-class" label="Class">
          {(c) => (
            <select
              {...c}
              value={filters.actionClass ?? ''}
              onChange={(e) => set({ actionClass: (e.target.value || undefined) as ActionFilters['actionClass'] })}
            >
              <option value="">Any</option>
              <option value="alignment">{actionClassLabels.alignment}</option>
              <option value="anti_misalignment">{actionClassLabels.anti_misalignment}</option>
            </select>
          )}
        </Field>
        <Field id="actions-kind" label="Kind">
          {(c) => (
            <select
              {...c}
              value={filters.kind ?? ''}
              onChange={(e) => set({ kind: (e.target.value || undefined) as ActionKind })}
            >
              <option value="">Any</option>
              {actionKinds.map((k) => (
                <option key={k} value={k}>
                  {actionKindLabels[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="actions-owner" label="Owner team">
          {(c) => (
            <select {...c} value={filters.ownerTeamId ?? ''} onChange={(e) => set({ ownerTeamId: e.target.value || undefined })}>
              <option value="">Any</option>
              {activeTeams(teams.data).map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </form>
      <PagedList
        query={list}
        noun="actions"
        resetKey={JSON.stringify(filters)}
        toolbar={<ExportLinks path="/actions" filters={filters} noun="actions" />}
        empty={<p>No action matches these filters.</p>}
      >
        {(items) => (
          <ActionTable
            actions={items}
            teamName={teamName}
            mayWrite={mayAttempt(user, 'action.write')}
            showRetro
            label="Actions across retros, newest first"
          />
        )}
      </PagedList>
    </>
  )
}
