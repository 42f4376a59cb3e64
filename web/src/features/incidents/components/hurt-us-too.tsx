import { can, type HarmKind, harmKinds, type Incident, type NewIncidentImpact, weightedHarmWords } from '@misalign/shared'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { ProblemMessage } from '../../../components/feedback'
import { Field } from '../../../components/field'
import { ScaleField } from '../../../components/scale-field'
import { countOf, formatDay, harmKindLabels, harmWords, surpriseWords } from '../../../lib/labels'
import { activeTeams, useTeamName, useTeams } from '../../../lib/reference-data'
import { useUser } from '../../../lib/session'
import { useAddImpact, useImpacts, useRemoveImpact } from '../api/impacts'

/** What the report form hands over when its author says "this is the same thing". */
export type ImpactDraft = Partial<Pick<NewIncidentImpact, 'teamId' | 'surprise' | 'harm' | 'harmKinds' | 'anonymous'>> & {
  engineerDaysLost?: number | null
  delayDays?: number | null
}

/**
 * "This hurt us too": another team adds its own surprise, harm and cost to this incident instead
 * of filing a duplicate. It counts as that team's harm wherever harm is ranked (ADR 023).
 */
export function HurtUsToo({ incident, draft }: { incident: Incident; draft?: ImpactDraft | undefined }) {
  const impacts = useImpacts(incident.id)
  const remove = useRemoveImpact(incident.id)
  const teamName = useTeamName()
  const user = useUser()
  const viewer = { userId: user.id, role: user.role, teamIds: user.teamIds }
  const [isOpen, setOpen] = useState(draft !== undefined)
  const items = impacts.data?.items ?? []
  // Teams whose harm is already on it (an anonymous one only for its author: others see its parent team).
  const taken = items.filter((i) => i.isMine || !i.anonymous).map((i) => i.teamId)

  return (
    <section className="card hurt-too" aria-labelledby="hurt-heading">
      <h2 id="hurt-heading">This hurt us too</h2>
      <p className="hint">
        Hurt by the same thing? Add your team’s surprise and harm here rather than filing it again: it counts as your team’s harm
        in the rankings.
      </p>
      {impacts.error && <ProblemMessage error={impacts.error} title="Could not load the other teams hurt." />}
      {items.length > 0 && (
        <ul className="impact-list" aria-label="Other teams hurt">
          {items.map((impact) => {
            const mayRemove = can(viewer, 'impact.remove', { teamIds: [impact.teamId], isOwnedByViewer: impact.isMine })
            return (
              <li key={impact.id}>
                <div>
                  <strong>{teamName(impact.teamId)}</strong>
                  {impact.anonymous && <span className="meta">{impact.isMine ? 'you, anonymously' : 'anonymously'}</span>}
                  <span className="meta">
                    {weightedHarmWords(impact.harm, impact.surprise)}
                    {impact.engineerDaysLost !== null && ` · ${countOf(impact.engineerDaysLost, 'engineer-day')} lost`}
                    {impact.delayDays !== null && ` · ${countOf(impact.delayDays, 'day')} of delay`} ·{' '}
                    {formatDay(impact.createdAt)}
                  </span>
                  {impact.note && <p>{impact.note}</p>}
                </div>
                {mayRemove && (
                  <button
                    type="button"
                    className="button-link"
                    disabled={remove.isPending}
                    onClick={() => remove.mutate(impact.id)}
                    aria-label={`Take back ${teamName(impact.teamId)}’s harm`}
                  >
                    Take back
                  </button>
                )}
              </li>
            )
          })}
        </ul>
      )}
      {impacts.data && impacts.data.weightedHarm.impacts > 0 && (
        <p className="meta">
          Weighted harm in all: {impacts.data.weightedHarm.incident} (reporting team) + {impacts.data.weightedHarm.impacts} (other
          teams) = <strong>{impacts.data.weightedHarm.total}</strong>
        </p>
      )}
      {remove.error && <ProblemMessage error={remove.error} title="Not taken back." />}
      {isOpen ? (
        <ImpactForm incident={incident} draft={draft} taken={taken} onDone={() => setOpen(false)} />
      ) : (
        <button type="button" className="button-secondary" onClick={() => setOpen(true)}>
          This hurt us too
        </button>
      )}
    </section>
  )
}

interface ImpactFormProps {
  incident: Incident
  draft?: ImpactDraft | undefined
  /** Teams that already said so: one impact per team. */
  taken: readonly string[]
  onDone: () => void
}

function ImpactForm({ incident, draft, taken, onDone }: ImpactFormProps) {
  const user = useUser()
  const teams = useTeams()
  const add = useAddImpact(incident.id)
  const mayPickAnyTeam = user.role === 'leader' || user.role === 'admin'
  const choices = activeTeams(teams.data).filter(
    (t) => t.id !== incident.reportingTeamId && !taken.includes(t.id) && (mayPickAnyTeam || user.teamIds.includes(t.id)),
  )
  const [teamId, setTeamId] = useState(draft?.teamId ?? '')
  const [surprise, setSurprise] = useState<number | null>(draft?.surprise ?? null)
  const [harm, setHarm] = useState<number | null>(draft?.harm ?? null)
  const [kinds, setKinds] = useState<HarmKind[]>(draft?.harmKinds ?? [])
  const [days, setDays] = useState(draft?.engineerDaysLost?.toString() ?? '')
  const [delay, setDelay] = useState(draft?.delayDays?.toString() ?? '')
  const [note, setNote] = useState('')
  const [anonymous, setAnonymous] = useState(draft?.anonymous ?? false)
  const chosenTeam = teamId || (choices.length === 1 ? (choices[0]?.id ?? '') : '')
  // Arriving from the report form's "This is the same thing": bring the prefilled form into view,
  // so joining the incident is the next thing the reporter sees, not a section far down the page.
  const heading = useRef<HTMLHeadingElement>(null)
  const isFromReport = draft !== undefined
  useEffect(() => {
    if (!isFromReport) return
    heading.current?.scrollIntoView({ block: 'start' })
    heading.current?.focus({ preventScroll: true })
  }, [isFromReport])

  async function submit(event: FormEvent) {
    event.preventDefault()
    const impact: NewIncidentImpact = {
      teamId: chosenTeam,
      surprise: surprise ?? 0,
      harm: harm ?? 0,
      harmKinds: kinds,
      note: note.trim(),
      anonymous,
      ...(days.trim() ? { engineerDaysLost: Number(days) } : {}),
      ...(delay.trim() ? { delayDays: Number(delay) } : {}),
    }
    try {
      await add.mutateAsync(impact)
      onDone()
    } catch {
      // The problem is shown below the form.
    }
  }

  if (choices.length === 0 && teams.isSuccess) {
    return <p className="hint">Every team you can speak for has either filed it or already added its harm.</p>
  }

  return (
    <form className="impact-form" onSubmit={submit} aria-labelledby="impact-form-heading" noValidate>
      <h3 id="impact-form-heading" ref={heading} tabIndex={-1}>
        Add your team’s harm to {incident.key}
      </h3>
      {add.error && <ProblemMessage error={add.error} title="Not added." />}
      <Field id="impact-team" label="Your team">
        {(c) => (
          <select {...c} value={chosenTeam} onChange={(e) => setTeamId(e.target.value)}>
            <option value="">Pick your team</option>
            {choices.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ScaleField
        name="impact-surprise"
        legend="How surprising was it to your team"
        words={surpriseWords}
        value={surprise}
        onChange={setSurprise}
      />
      <ScaleField
        name="impact-harm"
        legend="How much did it hurt your team"
        words={Object.fromEntries(Object.entries(harmWords).filter(([k]) => k !== '0'))}
        value={harm}
        onChange={setHarm}
      />
      <fieldset className="checks">
        <legend>Kinds of harm</legend>
        {harmKinds.map((k) => (
          <label key={k} className="check">
            <input
              type="checkbox"
              checked={kinds.includes(k)}
              onChange={(e) => setKinds((now) => (e.target.checked ? [...now, k] : now.filter((x) => x !== k)))}
            />
            <span>{harmKindLabels[k]}</span>
          </label>
        ))}
      </fieldset>
      <div className="row">
        <Field id="impact-days" label="Engineer-days lost" optional>
          {(c) => <input {...c} inputMode="decimal" value={days} onChange={(e) => setDays(e.target.value)} />}
        </Field>
        <Field id="impact-delay" label="Days of delay" optional>
          {(c) => <input {...c} inputMode="numeric" value={delay} onChange={(e) => setDelay(e.target.value)} />}
        </Field>
      </div>
      <Field id="impact-note" label="How it hurt your team" optional>
        {(c) => <input {...c} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <label className="check">
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
        <span>Add it anonymously: others see neither your name nor the time, and a team under 5 people as its parent team</span>
      </label>
      <div className="actions">
        <button type="submit" className="button-primary" disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add our harm'}
        </button>
        <button type="button" className="button-secondary" onClick={onDone}>
          Cancel
        </button>
        {surprise !== null && harm !== null && <span className="hint">Weighted harm: {weightedHarmWords(harm, surprise)}</span>}
      </div>
    </form>
  )
}
