import {
  can,
  type RetroPhase,
  type RetroWorkspace,
  retroPhaseLabels,
  retroPhaseOf,
  retroStatusLabels,
  type Team,
} from '@misalign/shared'
import { useEffect, useRef } from 'react'
import { Link, useParams, useSearchParams } from 'react-router'
import { Loading, ProblemMessage } from '../../components/feedback'
import { Badge, PageHeader, usePageTitle } from '../../components/page'
import { Term } from '../../components/term'
import { retroExportUrl, useRetroWorkspace } from '../../features/retros/api/retros'
import { ActionTable, CarriedOverTable } from '../../features/retros/components/action-tables'
import { DecisionsOnce, MissingContextGroups, RetroTeams } from '../../features/retros/components/retro-causes'
import { NextPhase, RetroActionsPanel, RetroStepper } from '../../features/retros/components/retro-flow'
import { GroupedTimeline, WeeklyChart } from '../../features/retros/components/retro-review'
import { RetroPublishPanel, RetroSummaryForm } from '../../features/retros/components/retro-tradeoff'
import { formatDay } from '../../lib/labels'
import { activeTeams, useTeams } from '../../lib/reference-data'
import { type SessionUser, useUser } from '../../lib/session'

interface PhaseProps {
  workspace: RetroWorkspace
  mayWrite: boolean
  mayWriteActions: boolean
  teamName: (id: string) => string
  teams: Team[]
  user: SessionUser
}

function Phase({ phase, ...props }: PhaseProps & { phase: RetroPhase }) {
  const { workspace: w, mayWrite, mayWriteActions, teamName, teams, user } = props
  switch (phase) {
    case 'review':
      return (
        <>
          <p className="hint">What happened, in the order teams discovered it. Read it before discussing causes.</p>
          <WeeklyChart workspace={w} />
          <GroupedTimeline workspace={w} />
        </>
      )
    case 'causes':
      return (
        <>
          <h3>Decisions and their tradeoffs</h3>
          <DecisionsOnce workspace={w} />
          <h3>Missing context</h3>
          <MissingContextGroups workspace={w} />
          <h3>
            Teams involved and <Term id="weighted-harm" />
          </h3>
          <RetroTeams workspace={w} />
        </>
      )
    case 'tradeoff':
      return mayWrite ? (
        <RetroSummaryForm workspace={w} />
      ) : (
        <>
          <p>{w.retro.summary || 'No summary yet.'}</p>
          <p className="meta">Read-only for you: leads of the teams involved, leaders and admins run this retro.</p>
        </>
      )
    case 'actions':
      return (
        <>
          <ActionTable actions={w.actions} teamName={teamName} mayWrite={mayWriteActions} label="Actions of this retro" />
          <h3>Carried over from earlier retros</h3>
          <CarriedOverTable items={w.carriedOver} teamName={teamName} />
        </>
      )
    case 'publish':
      return (
        <>
          <RetroPublishPanel workspace={w} mayWrite={mayWrite} teams={teams} user={user} />
          <section className="card" aria-labelledby="retro-export-heading">
            <h3 id="retro-export-heading">Export</h3>
            <p>The timeline, causes, tradeoff and actions as Markdown for a wiki or a doc. It never names a reporter.</p>
            <a className="button-primary" href={retroExportUrl(w.retro.id)} download>
              Export Markdown
            </a>
          </section>
        </>
      )
  }
}

const phaseTitles: Record<RetroPhase, string> = {
  review: 'Review the timeline',
  causes: 'Causes: decisions, tradeoffs and missing context',
  // The forms of these two phases carry their own headings ("Summary and stated tradeoff", "Share the tradeoff").
  tradeoff: 'Conclusions',
  actions: 'Actions',
  publish: 'Publish and export',
}

/** The retro workspace as a guided flow (ADR 029): review → causes → tradeoff → actions → publish. */
export default function RetroRoute() {
  const { id = '' } = useParams()
  const [search] = useSearchParams()
  const phase = retroPhaseOf(search.get('phase'))
  const workspace = useRetroWorkspace(id)
  const teams = useTeams()
  const user = useUser()
  const heading = useRef<HTMLHeadingElement>(null)
  const shownPhase = useRef(phase)
  usePageTitle(`${workspace.data?.retro.title ?? 'Retro'} · ${retroPhaseLabels[phase]}`)

  // A new phase moves focus (and the view) to its heading, as a page change would; not on first load.
  useEffect(() => {
    if (shownPhase.current === phase) return
    shownPhase.current = phase
    heading.current?.focus()
  }, [phase])

  if (workspace.isPending) return <Loading label="Loading the retro" />
  if (workspace.error) return <ProblemMessage error={workspace.error} title="This retro could not be shown." />
  const w = workspace.data
  // The same rule the API applies: a lead writes retros on clusters that touch one of their teams.
  const viewer = { userId: user.id, role: user.role, teamIds: user.teamIds }
  const ownership = { teamIds: w.teams.map((team) => team.id) }
  const mayWrite = can(viewer, 'retro.write', ownership)
  const mayWriteActions = can(viewer, 'action.write', ownership)
  const teamName = (teamId: string) => w.teamNames[teamId] ?? teams.data?.find((t) => t.id === teamId)?.name ?? 'a team'
  const defaultOwner = w.teams.find((t) => t.causedIncidents > 0)?.id ?? user.teamIds[0] ?? ''
  const recordAction = () => document.getElementById('action-description')?.focus()
  return (
    <>
      <p>
        <Link to="/retros">← All retros</Link>
      </p>
      <PageHeader
        title={w.retro.title}
        intro={
          <>
            <Badge tone="accent">{retroStatusLabels[w.retro.status]}</Badge>
            {w.retro.heldAt && ` ${formatDay(w.retro.heldAt)}`} · on the cluster{' '}
            <Link to={`/clusters/${w.cluster.id}`}>{w.cluster.title}</Link>
          </>
        }
        actions={
          mayWriteActions && (
            <button type="button" className="button-secondary" onClick={recordAction}>
              Record an action
            </button>
          )
        }
      />
      {!mayWrite && <p className="hint">Read-only for you: leads of the teams involved, leaders and admins run this retro.</p>}
      <RetroStepper phase={phase} />
      <div className="retro-layout">
        <section className="card retro-phase" aria-labelledby="retro-phase-heading">
          <h2 id="retro-phase-heading" ref={heading} tabIndex={-1}>
            {phaseTitles[phase]}
          </h2>
          <Phase
            phase={phase}
            workspace={w}
            mayWrite={mayWrite}
            mayWriteActions={mayWriteActions}
            teamName={teamName}
            teams={activeTeams(teams.data)}
            user={user}
          />
          <NextPhase phase={phase} />
        </section>
        <RetroActionsPanel
          retroId={w.retro.id}
          actions={w.actions}
          teamName={teamName}
          teams={activeTeams(teams.data)}
          defaultOwnerTeamId={defaultOwner}
          mayWrite={mayWriteActions}
        />
      </div>
    </>
  )
}
