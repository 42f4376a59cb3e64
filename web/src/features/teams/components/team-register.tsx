import type { Team } from '@misalign/shared'
import { type FormEvent, useState } from 'react'
import { EmptyState, ProblemMessage } from '../../../components/feedback'
import { Field } from '../../../components/field'
import { Badge } from '../../../components/page'
import { TableScroll } from '../../../components/table-scroll'
import { ApiError } from '../../../lib/api'
import { useSaveTeam } from '../api/teams'

export function TeamTable({ teams, mayManage, onEdit }: { teams: Team[]; mayManage: boolean; onEdit: (team: Team) => void }) {
  const byId = new Map(teams.map((t) => [t.id, t]))
  if (teams.length === 0)
    return (
      <EmptyState>
        <p>No teams yet.</p>
      </EmptyState>
    )
  return (
    <TableScroll label="Teams">
      <table>
        <caption className="visually-hidden">Teams</caption>
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">Slug</th>
            <th scope="col">Part of</th>
            {mayManage && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {teams.map((t) => (
            <tr key={t.id}>
              <td>
                {t.name} {t.archivedAt && <Badge>Archived</Badge>}
              </td>
              <td>{t.slug}</td>
              <td>{t.parentTeamId ? (byId.get(t.parentTeamId)?.name ?? '—') : '—'}</td>
              {mayManage && (
                <td>
                  <button type="button" className="button-link" onClick={() => onEdit(t)}>
                    Edit {t.name}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  )
}

export function TeamForm({ team, teams, onDone }: { team: Team | null; teams: Team[]; onDone: () => void }) {
  const save = useSaveTeam(team)
  const [name, setName] = useState(team?.name ?? '')
  const [slug, setSlug] = useState(team?.slug ?? '')
  const [parentTeamId, setParentTeamId] = useState(team?.parentTeamId ?? '')
  const [archived, setArchived] = useState(!!team?.archivedAt)
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors : {}

  function submit(event: FormEvent) {
    event.preventDefault()
    const body = { name: name.trim(), slug: slug.trim(), parentTeamId: parentTeamId || null }
    save.mutate(team ? { ...body, archived } : body, { onSuccess: onDone })
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby="team-form-heading" noValidate>
      <h2 id="team-form-heading">{team ? `Edit ${team.name}` : 'Add a team'}</h2>
      <ProblemMessage error={save.error} title="Not saved." />
      <div className="row">
        <Field id="team-name" label="Name" error={fieldErrors.name}>
          {(c) => <input {...c} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field id="team-slug" label="Slug" hint="Lowercase letters, digits and dashes." error={fieldErrors.slug}>
          {(c) => <input {...c} value={slug} maxLength={64} onChange={(e) => setSlug(e.target.value)} />}
        </Field>
      </div>
      <Field id="team-parent" label="Part of" optional error={fieldErrors.parentTeamId}>
        {(c) => (
          <select {...c} value={parentTeamId} onChange={(e) => setParentTeamId(e.target.value)}>
            <option value="">No parent team</option>
            {teams
              .filter((t) => t.id !== team?.id)
              .map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
          </select>
        )}
      </Field>
      {team && (
        <label className="check">
          <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} />
          <span>Archived (kept for old incidents, hidden from pickers)</span>
        </label>
      )}
      <div className="actions">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save team'}
        </button>
        <button type="button" className="button-secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  )
}
