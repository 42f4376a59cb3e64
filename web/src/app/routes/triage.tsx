import { mayAttempt } from '@misalign/shared'
import { Link, useSearchParams } from 'react-router'
import { Notice } from '../../components/feedback'
import { Field } from '../../components/field'
import { PageHeader, usePageTitle } from '../../components/page'
import { ClusterList } from '../../features/clusters/components/cluster-list'
import { NewReports } from '../../features/triage/components/new-reports'
import { NoDecisionQueue } from '../../features/triage/components/no-decision-queue'
import { OverdueActions } from '../../features/triage/components/overdue-actions'
import { activeTeams, useTeams } from '../../lib/reference-data'
import { useUser } from '../../lib/session'

export default function TriageRoute() {
  usePageTitle('Triage')
  const user = useUser()
  const teams = useTeams()
  const [search, setSearch] = useSearchParams()
  const teamId = search.get('team') ?? ''
  const seesAll = user.role === 'leader' || user.role === 'admin'

  if (!mayAttempt(user, 'triage.read')) {
    return (
      <>
        <PageHeader title="Triage" />
        <Notice>
          <p>Triage is for leads, leaders and admins. Your own reports are on the Incidents page.</p>
        </Notice>
      </>
    )
  }
  return (
    <>
      <PageHeader
        title="Triage"
        intro="What waits for a lead: new reports, reports nobody has traced to a decision, actions past their due date and the clusters the engine suggests. Each list shows a page at a time."
      />
      <nav className="triage-sections" aria-label="Triage sections">
        <a href="#triage-new-reports">New reports</a>
        <a href="#triage-no-decision">Incidents with no decision</a>
        <a href="#triage-overdue-actions">Overdue actions</a>
        {mayAttempt(user, 'cluster.edit') && <a href="#triage-suggested-clusters">Suggested clusters</a>}
      </nav>
      <div className="filters">
        <Field id="triage-team" label="Whose work" hint="Reported by the team, suspected to be its decision, or its action.">
          {(c) => (
            <select
              {...c}
              value={teamId}
              onChange={(e) => setSearch(e.target.value ? { team: e.target.value } : {}, { replace: true })}
            >
              <option value="">{seesAll ? 'All teams' : 'My teams'}</option>
              {activeTeams(teams.data).map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <section className="triage-section" aria-labelledby="triage-new-reports">
        <h2 id="triage-new-reports">New reports</h2>
        <p className="hint">
          Filed by {teamId || !seesAll ? 'the team' : 'any team'} and not triaged yet: set a root cause and a status on each.
        </p>
        <NewReports key={teamId} teamIds={teamId ? [teamId] : seesAll ? undefined : user.teamIds} />
      </section>
      <section className="triage-section" aria-labelledby="triage-no-decision">
        <h2 id="triage-no-decision">Incidents with no decision</h2>
        <p className="hint">
          Reports nobody has traced to the decision behind them yet, with the likeliest decisions from the register and from
          similar reports; you decide. Every link is recorded in the audit log and can be undone.
        </p>
        <NoDecisionQueue key={teamId} teamId={teamId} />
      </section>
      <section className="triage-section" aria-labelledby="triage-overdue-actions">
        <h2 id="triage-overdue-actions">Overdue actions</h2>
        <p className="hint">
          Actions retros agreed on, still open after their due date{seesAll ? '' : ', owned by your teams'}. Most overdue first.
        </p>
        <OverdueActions teamId={teamId} />
      </section>
      {mayAttempt(user, 'cluster.edit') && (
        <section className="triage-section" aria-labelledby="triage-suggested-clusters">
          <h2 id="triage-suggested-clusters">Suggested clusters</h2>
          <p className="hint">
            Groups of related reports the engine found. Select the ones that belong together and confirm them, or dismiss the
            rest; each one can be reopened on the <Link to="/clusters">Clusters</Link> page.
          </p>
          <ClusterList status="suggested" mayEdit compact pageSize={10} />
        </section>
      )}
    </>
  )
}
