import { checkDecidedAt, describeTradeoff, isCompleteTradeoff, normalizeTradeoff, type Team } from '@misalign/shared'
import { useState } from 'react'
import { Combobox } from '../../../components/combobox'
import { ProblemMessage } from '../../../components/feedback'
import { Field } from '../../../components/field'
import { Badge } from '../../../components/page'
import { TeamSelect } from '../../../components/team-select'
import { TradeoffFields } from '../../../components/tradeoff-fields'
import { useDebouncedValue } from '../../../components/use-debounced-value'
import { formatDay, localDay } from '../../../lib/labels'
import { useCreateDecision, useDecisionSearch } from '../api/decisions'
import type { PickedDecision } from '../draft'

interface DecisionStepProps {
  decision: PickedDecision | null
  /** The report's discovery day: a decision recorded here cannot be dated after it. */
  discoveredAt: string
  onChange: (decision: PickedDecision | null) => void
  teams: Team[]
  teamName: (id: string) => string
}

const classMark = (c: PickedDecision['decisionClass']) =>
  c === 'strategy_bearing' ? <Badge tone="good">Strategy-bearing</Badge> : <Badge>Agreement</Badge>

/** Find the upstream decision by type-ahead, or record it in place when nobody has yet. */
export function DecisionStep({ decision, discoveredAt, onChange, teams, teamName }: DecisionStepProps) {
  const [text, setText] = useState('')
  const [isCreating, setCreating] = useState(false)
  const q = useDebouncedValue(text.trim())
  const search = useDecisionSearch(q)

  if (decision) {
    return (
      <div className="picked" aria-live="polite">
        <p className="picked-label">Upstream decision</p>
        <p className="picked-title">
          {decision.title} {classMark(decision.decisionClass)}
        </p>
        <p className="hint">Owned by {teamName(decision.owningTeamId)}</p>
        <button type="button" className="button-secondary" onClick={() => onChange(null)}>
          Choose a different decision
        </button>
      </div>
    )
  }

  const options = (search.data?.items ?? []).map((d) => ({
    id: d.id,
    label: d.title,
    description: `${teamName(d.owningTeamId)} · decided ${formatDay(d.decidedAt)}${d.tradeoff ? ` · ${describeTradeoff(d.tradeoff)}` : ''}`,
    decision: d,
  }))
  const status =
    q.length < 2
      ? null
      : search.isFetching && options.length === 0
        ? 'Searching decisions…'
        : search.error
          ? search.error.message
          : options.length === 0
            ? 'No recorded decision matches. Record it below.'
            : null

  return (
    <div className="decision-step">
      <Combobox
        id="decision-search"
        label="Which decision caused this?"
        hint="Type a few words of it. If nobody has recorded it yet, record it below, or just name the team that owns it."
        text={text}
        onTextChange={setText}
        options={options}
        status={status}
        onSelect={(option) => {
          const found = options.find((o) => o.id === option.id)?.decision
          if (found)
            onChange({ id: found.id, title: found.title, owningTeamId: found.owningTeamId, decisionClass: found.decisionClass })
        }}
      />
      {isCreating ? (
        <NewDecisionForm
          initialTitle={text}
          discoveredAt={discoveredAt}
          teams={teams}
          onCancel={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false)
            onChange(created)
          }}
        />
      ) : (
        <button type="button" className="button-secondary" onClick={() => setCreating(true)}>
          Record the decision
        </button>
      )}
    </div>
  )
}

/** Words for what is wrong with "Decided on", each saying what to do. */
function decidedAtMessage(decidedAt: string, discoveredAt: string): string | null {
  switch (checkDecidedAt(decidedAt, discoveredAt)) {
    case 'missing':
      return 'Say roughly when it was decided: a guess to the week is fine'
    case 'not_a_date':
      return 'Give the day it was decided as a real date'
    case 'after_discovery':
      return `It was decided before you found out about it: give a day on or before ${formatDay(discoveredAt)}, when you found out`
    default:
      return null
  }
}

function NewDecisionForm({
  initialTitle,
  discoveredAt,
  teams,
  onCancel,
  onCreated,
}: {
  initialTitle: string
  discoveredAt: string
  teams: Team[]
  onCancel: () => void
  onCreated: (decision: PickedDecision) => void
}) {
  const create = useCreateDecision()
  const [title, setTitle] = useState(initialTitle)
  const [owningTeamId, setOwningTeamId] = useState('')
  // Empty, never today: "today" would make the discovery lag 0 and quietly skew the lag chart.
  const [decidedAt, setDecidedAt] = useState('')
  const [tradeoff, setTradeoff] = useState({ prefer: '', over: '', forGoal: '' })
  const [error, setError] = useState<string | null>(null)
  const [dateError, setDateError] = useState<string | null>(null)

  // Not a <form>: it sits inside the report's form, and nested forms are invalid HTML.
  function submit() {
    const t = normalizeTradeoff(tradeoff)
    const dateProblem = decidedAtMessage(decidedAt, discoveredAt)
    setDateError(dateProblem)
    if (!title.trim() || !owningTeamId) {
      setError('Give the decision a title and the team that owns it.')
      return
    }
    if (dateProblem) {
      setError(null)
      document.getElementById('new-decision-date')?.focus()
      return
    }
    if (t && !isCompleteTradeoff(t)) {
      // Half a why is no why: the API keeps a tradeoff only with all three parts.
      setError('Fill in all three parts of the tradeoff, or leave them all empty.')
      return
    }
    setError(null)
    create.mutate(
      { title: title.trim(), owningTeamId, decidedAt, ...(t ? { tradeoff: t } : {}) },
      {
        onSuccess: (d) => onCreated({ id: d.id, title: d.title, owningTeamId: d.owningTeamId, decisionClass: d.decisionClass }),
      },
    )
  }

  return (
    <fieldset className="subform">
      <legend>Record the decision</legend>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <ProblemMessage error={create.error} />
      <Field id="new-decision-title" label="What was decided?">
        {(c) => <input {...c} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />}
      </Field>
      <Field id="new-decision-team" label="Team that owns the decision">
        {(c) => <TeamSelect {...c} teams={teams} value={owningTeamId} onChange={setOwningTeamId} />}
      </Field>
      <Field
        id="new-decision-date"
        label="Decided on"
        hint={discoveredAt ? `Roughly is fine: on or before ${formatDay(discoveredAt)}, when you found out.` : 'Roughly is fine.'}
        error={dateError ?? undefined}
      >
        {(c) => (
          <input
            {...c}
            type="date"
            required
            value={decidedAt}
            max={discoveredAt || localDay()}
            onChange={(e) => {
              setDecidedAt(e.target.value)
              if (dateError) setDateError(decidedAtMessage(e.target.value, discoveredAt))
            }}
          />
        )}
      </Field>
      <fieldset className="tradeoff">
        <legend>Its tradeoff, if you know it (optional)</legend>
        <p className="hint">
          “We prefer X over Y, for goal Z.” A decision with its tradeoff lets partner teams predict the next one.
        </p>
        <TradeoffFields idPrefix="new-decision" value={tradeoff} onChange={(change) => setTradeoff({ ...tradeoff, ...change })} />
      </fieldset>
      <div className="actions">
        <button type="button" className="button-primary" onClick={submit} disabled={create.isPending}>
          {create.isPending ? 'Recording…' : 'Record decision'}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </fieldset>
  )
}
