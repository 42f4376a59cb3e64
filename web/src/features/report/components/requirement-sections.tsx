import { discoveryChannels, harmKinds, type Team } from '@misalign/shared'
import { Field } from '../../../components/field'
import { LanguageHints } from '../../../components/language-hints'
import { ScaleField } from '../../../components/scale-field'
import { TeamSelect } from '../../../components/team-select'
import { discoveryChannelLabels, harmKindLabels, harmWords, localDay, surpriseWords } from '../../../lib/labels'
import type { ReportDraft } from '../draft'
import { SimilarIncidents } from './similar-incidents'

export interface SectionProps {
  draft: ReportDraft
  update: (changes: Partial<ReportDraft>) => void
  errors: Record<string, string>
}

const hintsId = (field: string) => `${field}-language`

/** 1. Discovery: what decision, when and how. */
export function DiscoverySection({ draft, update, errors, teams }: SectionProps & { teams: Team[] }) {
  return (
    <section className="step" aria-labelledby="step-discovery">
      <h2 id="step-discovery">
        <span className="step-number">1</span> What did you discover?
      </h2>
      <Field
        id="title"
        label="In one line: what decision did you discover?"
        hint="For example: “Payments API v1 is switched off next month”."
        error={errors.title}
        after={<LanguageHints text={draft.title} id={hintsId('title')} onRewrite={(title) => update({ title })} />}
      >
        {(c) => <input {...c} value={draft.title} maxLength={200} onChange={(e) => update({ title: e.target.value })} />}
      </Field>
      <SimilarIncidents draft={draft} />
      <div className="row">
        <Field id="discoveredAt" label="When did you find out?" error={errors.discoveredAt}>
          {(c) => (
            <input
              {...c}
              type="date"
              value={draft.discoveredAt}
              max={localDay()}
              onChange={(e) => update({ discoveredAt: e.target.value })}
            />
          )}
        </Field>
        <Field id="discoveryChannel" label="How did you find out?" error={errors.discoveryChannel}>
          {(c) => (
            <select
              {...c}
              value={draft.discoveryChannel}
              onChange={(e) => update({ discoveryChannel: e.target.value as ReportDraft['discoveryChannel'] })}
            >
              <option value="">Choose one</option>
              {discoveryChannels.map((channel) => (
                <option key={channel} value={channel}>
                  {discoveryChannelLabels[channel]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field id="reportingTeamId" label="Your team" hint="The team that was hurt." error={errors.reportingTeamId}>
        {(c) => (
          <TeamSelect
            {...c}
            teams={teams}
            value={draft.reportingTeamId}
            onChange={(reportingTeamId) => update({ reportingTeamId })}
            prompt="Choose your team"
          />
        )}
      </Field>
      <Field
        id="narrative"
        label="What happened, in your words"
        optional
        error={errors.narrative}
        after={
          <LanguageHints text={draft.narrative} id={hintsId('narrative')} onRewrite={(narrative) => update({ narrative })} />
        }
      >
        {(c) => <textarea {...c} rows={3} value={draft.narrative} onChange={(e) => update({ narrative: e.target.value })} />}
      </Field>
    </section>
  )
}

/** 2. Surprise: what was expected instead, and how surprising it was. */
export function SurpriseSection({ draft, update, errors }: SectionProps) {
  return (
    <section className="step" aria-labelledby="step-surprise">
      <h2 id="step-surprise">
        <span className="step-number">2</span> Why was it a surprise?
      </h2>
      <Field
        id="expected"
        label="What did you expect instead?"
        error={errors.expected}
        after={<LanguageHints text={draft.expected} id={hintsId('expected')} onRewrite={(expected) => update({ expected })} />}
      >
        {(c) => <textarea {...c} rows={2} value={draft.expected} onChange={(e) => update({ expected: e.target.value })} />}
      </Field>
      <ScaleField
        name="surprise"
        legend="How surprising was it?"
        words={surpriseWords}
        value={draft.surprise}
        onChange={(surprise) => update({ surprise })}
        error={errors.surprise}
      />
    </section>
  )
}

/** 3. Harm: which goal, how badly, what kinds, roughly how much. */
export function HarmSection({ draft, update, errors }: SectionProps) {
  const toggleKind = (kind: (typeof harmKinds)[number], checked: boolean) =>
    update({ harmKinds: checked ? [...draft.harmKinds, kind] : draft.harmKinds.filter((k) => k !== kind) })
  return (
    <section className="step" aria-labelledby="step-harm">
      <h2 id="step-harm">
        <span className="step-number">3</span> Did it hurt your goals?
      </h2>
      <ScaleField
        name="harm"
        legend="How badly did it hurt?"
        words={harmWords}
        value={draft.harm}
        onChange={(harm) => update({ harm })}
        error={errors.harm}
      />
      {draft.harm !== 0 && (
        <>
          <Field
            id="harmedGoal"
            label="Which of your goals did it hurt?"
            hint="For example: “Ship the new checkout by April”."
            error={errors.harmedGoal}
            after={
              <LanguageHints
                text={draft.harmedGoal}
                id={hintsId('harmedGoal')}
                onRewrite={(harmedGoal) => update({ harmedGoal })}
              />
            }
          >
            {(c) => (
              <input {...c} value={draft.harmedGoal} maxLength={1000} onChange={(e) => update({ harmedGoal: e.target.value })} />
            )}
          </Field>
          <fieldset className="checks">
            <legend>
              What kinds of harm? <span className="optional">(optional)</span>
            </legend>
            <div className="check-grid">
              {harmKinds.map((kind) => (
                <label key={kind} className="check">
                  <input
                    type="checkbox"
                    checked={draft.harmKinds.includes(kind)}
                    onChange={(e) => toggleKind(kind, e.target.checked)}
                  />
                  <span>{harmKindLabels[kind]}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="row">
            <Field id="engineerDaysLost" label="Engineer-days lost, roughly" optional error={errors.engineerDaysLost}>
              {(c) => (
                <input
                  {...c}
                  type="number"
                  inputMode="decimal"
                  min={0}
                  step={0.5}
                  value={draft.engineerDaysLost}
                  onChange={(e) => update({ engineerDaysLost: e.target.value })}
                />
              )}
            </Field>
            <Field id="delayDays" label="Days of delay, roughly" optional error={errors.delayDays}>
              {(c) => (
                <input
                  {...c}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  step={1}
                  value={draft.delayDays}
                  onChange={(e) => update({ delayDays: e.target.value })}
                />
              )}
            </Field>
          </div>
        </>
      )}
    </section>
  )
}
