import { checkRequirements, type Incident, type NewIncident } from '@misalign/shared'
import { type FormEvent, useRef, useState } from 'react'
import { Link } from 'react-router'
import { Notice, ProblemMessage } from '../../../components/feedback'
import { ApiError, isNetworkError } from '../../../lib/api'
import { formatDay, localDay } from '../../../lib/labels'
import { activeTeams, useTeamName, useTeams } from '../../../lib/reference-data'
import { useFileIncident } from '../api/file-incident'
import { useNoteNearMiss } from '../api/note-near-miss'
import { type ReportDraft, useReportDraft } from '../draft'
import { Filed, NearMissNoted, NoHarmPanel } from './outcomes'
import { PrivacyOptions } from './privacy-options'
import { DiscoverySection, HarmSection, SurpriseSection } from './requirement-sections'
import { TraceSection } from './trace-section'

const optionalNumber = (text: string, digits: number): number | null => {
  if (text.trim() === '') return null
  const value = Number(text)
  return Number.isFinite(value) ? Number(value.toFixed(digits)) : null
}

export function toNewIncident(d: ReportDraft): NewIncident {
  return {
    title: d.title.trim(),
    narrative: d.narrative.trim(),
    reportingTeamId: d.reportingTeamId,
    anonymous: d.anonymous,
    restricted: d.restricted,
    discoveredAt: d.discoveredAt,
    discoveryChannel: d.discoveryChannel as NewIncident['discoveryChannel'],
    expected: d.expected.trim(),
    surprise: d.surprise ?? 0,
    harmedGoal: d.harmedGoal.trim(),
    harm: d.harm ?? 0,
    harmKinds: d.harmKinds,
    engineerDaysLost: optionalNumber(d.engineerDaysLost, 1),
    delayDays: optionalNumber(d.delayDays, 0),
    decisionId: d.decision?.id ?? null,
    decisionOwnerTeamId: d.decision ? null : d.decisionOwnerTeamId || null,
    gapId: d.gapId || null,
    missingContext: d.missingContext.trim(),
  }
}

/** The product's own rules (the three requirements) plus what the form itself needs. */
function validate(d: ReportDraft): Record<string, string> {
  const errors: Record<string, string> = {}
  // The draft's own ratings, not toNewIncident's: a harm not answered yet (null) asks "how much",
  // while 0 is the reporter's "no harm", which the no-harm panel answers instead.
  const requirements = { ...toNewIncident(d), surprise: d.surprise, harm: d.harm }
  const today = localDay()
  for (const p of checkRequirements(requirements, today)) errors[p.field] ??= p.message
  // The rule's sentence carries ISO dates (it serves the API too); the form says days the one way the app does.
  if (/^\d{4}-\d{2}-\d{2}$/.test(d.discoveredAt) && d.discoveredAt > today)
    errors.discoveredAt = `The day you found out cannot be in the future (today is ${formatDay(today)}): give the day you found out`
  if (!d.title.trim()) errors.title = 'Say in one line what decision you discovered'
  if (!d.reportingTeamId) errors.reportingTeamId = 'Choose the team that was hurt'
  const days = optionalNumber(d.engineerDaysLost, 1)
  if (d.engineerDaysLost.trim() && (days === null || days < 0)) errors.engineerDaysLost = 'A number of days, 0 or more'
  const delay = Number(d.delayDays)
  if (d.delayDays.trim() && !(Number.isInteger(delay) && delay >= 0)) errors.delayDays = 'A whole number of days, 0 or more'
  return errors
}

// The order fields appear in, so the error summary reads top to bottom.
const fieldOrder = ['title', 'discoveredAt', 'discoveryChannel', 'reportingTeamId', 'expected', 'surprise', 'harm', 'harmedGoal']
const fieldTarget = (field: string) => (field === 'surprise' || field === 'harm' ? `${field}-1` : field)

type Outcome = { kind: 'filed'; incident: Incident } | { kind: 'near-miss' } | null

export function ReportForm({ userId, defaultTeamId }: { userId: string; defaultTeamId: string }) {
  const { draft, update, discard, renewKey, restoredFrom, dismissRestored } = useReportDraft(userId, defaultTeamId)
  const teams = useTeams()
  const teamName = useTeamName()
  const file = useFileIncident()
  const nearMiss = useNoteNearMiss()
  const [attempted, setAttempted] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>(null)
  const summary = useRef<HTMLDivElement>(null)
  // A ref, not state: two clicks in the same frame both see the old state, but not this.
  const submitting = useRef(false)

  const errors = attempted ? validate(draft) : {}
  const choices = activeTeams(teams.data)
  const team = teams.data?.find((t) => t.id === draft.reportingTeamId)
  const parent = teams.data?.find((t) => t.id === team?.parentTeamId)
  const isNoHarm = draft.harm === 0

  function startOver() {
    discard()
    setAttempted(false)
    setOutcome(null)
    file.reset()
    nearMiss.reset()
  }

  function submit(event: FormEvent) {
    event.preventDefault()
    if (submitting.current || isNoHarm) return
    setAttempted(true)
    if (Object.keys(validate(draft)).length > 0) {
      requestAnimationFrame(() => summary.current?.focus())
      return
    }
    submitting.current = true
    file.mutate(
      { body: toNewIncident(draft), idempotencyKey: draft.idempotencyKey },
      {
        onSuccess: (incident) => {
          discard()
          setOutcome({ kind: 'filed', incident })
        },
        onSettled: () => {
          submitting.current = false
        },
      },
    )
  }

  function noteNearMiss() {
    const note = [draft.title.trim(), draft.expected.trim() && `Expected instead: ${draft.expected.trim()}`]
      .filter(Boolean)
      .join('. ')
    nearMiss.mutate(
      {
        kind: 'near_miss',
        teamId: draft.reportingTeamId,
        note: note || 'A surprising decision that did not hurt our goals',
        occurredAt: draft.discoveredAt || localDay(),
        anonymous: draft.anonymous,
      },
      {
        onSuccess: () => {
          discard()
          setOutcome({ kind: 'near-miss' })
        },
      },
    )
  }

  if (outcome?.kind === 'filed') return <Filed incidentKey={outcome.incident.key} onAnother={startOver} />
  if (outcome?.kind === 'near-miss') return <NearMissNoted onAnother={startOver} />

  const errorList = fieldOrder.filter((f) => errors[f]).concat(Object.keys(errors).filter((f) => !fieldOrder.includes(f)))
  const keyReused = file.error instanceof ApiError && file.error.status === 422 && /Idempotency-Key/.test(file.error.message)

  return (
    <form className="report-form" onSubmit={submit} noValidate>
      {restoredFrom && (
        <Notice>
          <p>
            We kept your unfinished report from {formatDay(restoredFrom)}.{' '}
            <button type="button" className="button-link" onClick={dismissRestored}>
              Carry on
            </button>{' '}
            or{' '}
            <button type="button" className="button-link" onClick={startOver}>
              discard it and start again
            </button>
            .
          </p>
        </Notice>
      )}
      {teams.error && <ProblemMessage error={teams.error} title="The list of teams could not be loaded." />}
      {errorList.length > 0 && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary} aria-labelledby="error-summary-title">
          <p id="error-summary-title" className="problem-title">
            A few things are missing before this can be filed:
          </p>
          <ul>
            {errorList.map((field) => (
              <li key={field}>
                <a href={`#${fieldTarget(field)}`}>{errors[field]}</a>
              </li>
            ))}
          </ul>
        </div>
      )}

      <DiscoverySection draft={draft} update={update} errors={errors} teams={choices} />
      <SurpriseSection draft={draft} update={update} errors={errors} />
      <HarmSection draft={draft} update={update} errors={errors} />

      {isNoHarm ? (
        <NoHarmPanel onNote={noteNearMiss} isPending={nearMiss.isPending} error={nearMiss.error} />
      ) : (
        <>
          <TraceSection draft={draft} update={update} errors={errors} teams={choices} teamName={teamName} />
          <section className="step" aria-labelledby="step-submit">
            <h2 id="step-submit">
              <span className="step-number">5</span> Before you file
            </h2>
            <PrivacyOptions
              anonymous={draft.anonymous}
              restricted={draft.restricted}
              onChange={update}
              team={team}
              parent={parent}
            />
            {file.error && (
              <div className="submit-problem">
                <ProblemMessage
                  error={file.error}
                  title={
                    isNetworkError(file.error)
                      ? 'Not filed yet. Your draft is saved: press “File incident” again and it will be filed once.'
                      : 'The incident was not filed.'
                  }
                />
                {keyReused && (
                  <p>
                    An earlier attempt of this draft may already be filed: check <Link to="/incidents">the incidents</Link>. To
                    file this as a separate report,{' '}
                    <button type="button" className="button-link" onClick={renewKey}>
                      treat it as a new report
                    </button>
                    .
                  </p>
                )}
              </div>
            )}
            <div className="actions submit-bar">
              <button type="submit" className="button-primary" disabled={file.isPending} aria-describedby="draft-status">
                {file.isPending ? 'Filing…' : 'File incident'}
              </button>
              <span id="draft-status" className="hint">
                {draft.savedAt ? 'Draft saved on this device.' : 'Your draft is saved on this device as you type.'}
              </span>
            </div>
          </section>
        </>
      )}
    </form>
  )
}
