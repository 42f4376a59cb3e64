import type { Team } from '@misalign/shared'
import { Field } from '../../../components/field'
import { LanguageHints } from '../../../components/language-hints'
import { useGapChoices } from '../api/strategy-gaps'
import { DecisionStep } from './decision-step'
import { DecisionSuggestions } from './decision-suggestions'
import type { SectionProps } from './requirement-sections'

/** 4. Trace: the upstream decision (or its owner), the strategy gap, and the missing context. */
export function TraceSection({
  draft,
  update,
  errors,
  teams,
  teamName,
}: SectionProps & { teams: Team[]; teamName: (id: string) => string }) {
  const gaps = useGapChoices()
  const gapChoices = (gaps.data?.items ?? []).filter((g) => g.status !== 'verified' && g.status !== 'wont_fix')
  return (
    <section className="step" aria-labelledby="step-trace">
      <h2 id="step-trace">
        <span className="step-number">4</span> Where did it come from?
      </h2>
      <p className="hint">All optional: whatever you know now helps; triage can fill in the rest.</p>
      {!draft.decision && (
        <DecisionSuggestions draft={draft} onPick={(decision) => update({ decision, decisionOwnerTeamId: '' })} />
      )}
      <DecisionStep
        decision={draft.decision}
        discoveredAt={draft.discoveredAt}
        onChange={(decision) => update({ decision, ...(decision ? { decisionOwnerTeamId: '' } : {}) })}
        teams={teams}
        teamName={teamName}
      />
      {!draft.decision && (
        <Field
          id="decisionOwnerTeamId"
          label="Which team owns the decision?"
          hint="If you know the team but not the decision record."
          optional
          error={errors.decisionOwnerTeamId}
        >
          {(c) => (
            <select {...c} value={draft.decisionOwnerTeamId} onChange={(e) => update({ decisionOwnerTeamId: e.target.value })}>
              <option value="">I don’t know</option>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field
        id="gapId"
        label="Known strategy gap"
        hint={
          gaps.error ? 'The list of strategy gaps could not be loaded; you can skip this.' : 'If this is a gap already on record.'
        }
        optional
      >
        {(c) => (
          <select {...c} value={draft.gapId} onChange={(e) => update({ gapId: e.target.value })}>
            <option value="">{gaps.isPending ? 'Loading strategy gaps…' : 'None that I know of'}</option>
            {gapChoices.map((g) => (
              <option key={g.id} value={g.id}>
                {g.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="missingContext"
        label="What would have made this predictable?"
        hint="Try finishing the sentence: “If we had known ___, we would have planned differently.”"
        optional
        error={errors.missingContext}
        after={
          <LanguageHints
            text={draft.missingContext}
            id="missingContext-language"
            onRewrite={(missingContext) => update({ missingContext })}
          />
        }
      >
        {(c) => (
          <textarea
            {...c}
            rows={2}
            placeholder="If we had known …"
            value={draft.missingContext}
            onChange={(e) => update({ missingContext: e.target.value })}
          />
        )}
      </Field>
    </section>
  )
}
