import type { Strategy } from '@misalign/shared'
import { type FormEvent, useState } from 'react'
import { Notice, ProblemMessage } from '../../../components/feedback'
import { Field } from '../../../components/field'
import { localDay } from '../../../lib/labels'
import { activeTeams, useTeams } from '../../../lib/reference-data'
import { useUser } from '../../../lib/session'
import { useNoteAutonomyWin } from '../api/autonomy-wins'

/**
 * Good news counts too: a team that decided on its own because this strategy told it how says
 * so here. Leaders see these wins beside the strategy's incidents.
 */
export function AutonomyWinForm({ strategy }: { strategy: Strategy }) {
  const user = useUser()
  const teams = useTeams()
  const note = useNoteAutonomyWin()
  const mine = activeTeams(teams.data).filter((t) => user.teamIds.includes(t.id))
  const choices = mine.length > 0 ? mine : activeTeams(teams.data)
  const [teamId, setTeamId] = useState('')
  const [text, setText] = useState('')
  const chosenTeam = teamId || choices[0]?.id || ''

  const submit = (event: FormEvent) => {
    event.preventDefault()
    note.mutate(
      { kind: 'autonomy_win', teamId: chosenTeam, strategyId: strategy.id, note: text.trim(), occurredAt: localDay() },
      { onSuccess: () => setText('') },
    )
  }

  return (
    <form className="autonomy-win" onSubmit={submit} aria-labelledby="autonomy-win-heading">
      <h3 id="autonomy-win-heading">We decided on our own thanks to this strategy</h3>
      {note.isSuccess && <Notice tone="success">Thank you: counted as an autonomy win for this strategy.</Notice>}
      <ProblemMessage error={note.error} title="The autonomy win was not saved." />
      {choices.length > 1 && (
        <Field id="autonomy-win-team" label="Team">
          {(c) => (
            <select {...c} value={chosenTeam} onChange={(e) => setTeamId(e.target.value)}>
              {choices.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field id="autonomy-win-note" label="What did you decide without a meeting?" hint="A sentence or two is enough.">
        {(c) => <textarea {...c} rows={2} required maxLength={5000} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <button type="submit" className="button-secondary" disabled={note.isPending || !text.trim() || !chosenTeam}>
        {note.isPending ? 'Saving…' : 'Note the autonomy win'}
      </button>
    </form>
  )
}
