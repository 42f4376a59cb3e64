import { type RetroAction, type RetroPhase, retroPhaseLabels, retroPhases, type Team } from '@misalign/shared'
import { Link } from 'react-router'
import { formatDay } from '../../../lib/labels'
import { ActionForm } from './action-form'
import { ClassBadge } from './action-tables'

export const phaseLink = (phase: RetroPhase) => ({ search: `?phase=${phase}` })

/** The phases of the retro as numbered steps; each is a link, so the URL (and back) keeps the phase. */
export function RetroStepper({ phase }: { phase: RetroPhase }) {
  const current = retroPhases.indexOf(phase)
  return (
    <nav className="retro-stepper" aria-label="Retro phases">
      <ol>
        {retroPhases.map((step, index) => (
          <li key={step} className={index < current ? 'is-done' : index === current ? 'is-current' : undefined}>
            <Link to={phaseLink(step)} aria-current={step === phase ? 'step' : undefined}>
              <span className="retro-step-number" aria-hidden="true">
                {index + 1}
              </span>
              {retroPhaseLabels[step]}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  )
}

/** "Next: Causes" at the end of a phase, so the flow reads top to bottom without the stepper. */
export function NextPhase({ phase }: { phase: RetroPhase }) {
  const next = retroPhases[retroPhases.indexOf(phase) + 1]
  const previous = retroPhases[retroPhases.indexOf(phase) - 1]
  return (
    <div className="retro-next">
      {previous && (
        <Link className="button-secondary" to={phaseLink(previous)}>
          ← {retroPhaseLabels[previous]}
        </Link>
      )}
      {next && (
        <Link className="button-primary" to={phaseLink(next)}>
          Next: {retroPhaseLabels[next]} →
        </Link>
      )}
    </div>
  )
}

/** Actions shown in the panel before "all n" links to the actions phase. */
const SHOWN_ACTIONS = 5

/**
 * The retro's actions and the form to record one, beside every phase (sticky on wide screens):
 * an action can come up while reading the timeline, not only at the end.
 */
export function RetroActionsPanel({
  retroId,
  actions,
  teamName,
  teams,
  defaultOwnerTeamId,
  mayWrite,
}: {
  retroId: string
  actions: RetroAction[]
  teamName: (id: string) => string
  teams: Team[]
  defaultOwnerTeamId: string
  mayWrite: boolean
}) {
  const shown = actions.slice(-SHOWN_ACTIONS).reverse()
  return (
    <aside className="retro-panel" aria-labelledby="retro-panel-heading">
      <h2 id="retro-panel-heading">Actions ({actions.length})</h2>
      {actions.length === 0 ? (
        <p className="meta">No actions yet.</p>
      ) : (
        <ul className="plain-list retro-panel-actions" aria-label="Latest actions of this retro">
          {shown.map((action) => (
            <li key={action.id} className="retro-panel-action">
              {action.description} <ClassBadge action={action} />
              <span className="meta">
                {teamName(action.ownerTeamId)}
                {action.dueAt && ` · due ${formatDay(action.dueAt)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {actions.length > SHOWN_ACTIONS && (
        <p>
          <Link to={phaseLink('actions')}>All {actions.length} actions</Link>
        </p>
      )}
      {mayWrite && <ActionForm retroId={retroId} teams={teams} defaultOwnerTeamId={defaultOwnerTeamId} />}
    </aside>
  )
}
