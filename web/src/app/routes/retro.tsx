import { can, retroStatusLabels } from '@misalign/shared'
import { Link, useParams } from 'react-router'
import { Loading, ProblemMessage } from '../../components/feedback'
import { Badge, PageHeader, usePageTitle } from '../../components/page'
import { Term } from '../../components/term'
import { retroExportUrl, useRetroWorkspace } from '../../features/retros/api/retros'
import { ActionForm } from '../../features/retros/components/action-form'
import { ActionTable, CarriedOverTable } from '../../features/retros/components/action-tables'
import { RetroSideBySide, RetroTeams, RetroTimeline } from '../../features/retros/components/retro-timeline'
import { RetroPublishPanel, RetroSummaryForm } from '../../features/retros/components/retro-tradeoff'
import { formatDay } from '../../lib/labels'
import { activeTeams, useTeams } from '../../lib/reference-data'
import { useUser } from '../../lib/session'

/** The retro workspace: the timeline before any discussion, then causes, then conclusions and actions. */
export default function RetroRoute() {
  const { id = '' } = useParams()
  const workspace = useRetroWorkspace(id)
  const teams = useTeams()
  const user = useUser()
  usePageTitle(workspace.data?.retro.title ?? 'Retro')

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
          <a className="button-secondary" href={retroExportUrl(w.retro.id)} download>
            Export Markdown
          </a>
        }
      />
      {!mayWrite && <p className="hint">Read-only for you: leads of the teams involved, leaders and admins run this retro.</p>}
      <section className="card" aria-labelledby="retro-timeline-heading">
        <h2 id="retro-timeline-heading">Timeline</h2>
        <p className="hint">What happened, in the order teams discovered it. Read it before discussing causes.</p>
        <RetroTimeline workspace={w} />
      </section>
      <section className="card" aria-labelledby="retro-causes-heading">
        <h2 id="retro-causes-heading">Decisions, tradeoffs and missing context</h2>
        <RetroSideBySide workspace={w} />
      </section>
      <section className="card" aria-labelledby="retro-teams-heading">
        <h2 id="retro-teams-heading">
          Teams involved and <Term id="weighted-harm" />
        </h2>
        <RetroTeams workspace={w} />
      </section>
      <div className="detail-grid retro-conclusions">
        {mayWrite ? (
          <RetroSummaryForm workspace={w} />
        ) : (
          <section className="card" aria-labelledby="retro-summary-heading">
            <h2 id="retro-summary-heading">Summary</h2>
            <p>{w.retro.summary || 'No summary yet.'}</p>
          </section>
        )}
        <RetroPublishPanel workspace={w} mayWrite={mayWrite} teams={activeTeams(teams.data)} user={user} />
      </div>
      <section className="card" aria-labelledby="retro-actions-heading">
        <h2 id="retro-actions-heading">Actions</h2>
        <ActionTable actions={w.actions} teamName={teamName} mayWrite={mayWriteActions} label="Actions of this retro" />
        {mayWriteActions && <ActionForm retroId={w.retro.id} teams={activeTeams(teams.data)} defaultOwnerTeamId={defaultOwner} />}
      </section>
      <section className="card" aria-labelledby="retro-carried-heading">
        <h2 id="retro-carried-heading">Carried over from earlier retros</h2>
        <CarriedOverTable items={w.carriedOver} teamName={teamName} />
      </section>
    </>
  )
}
