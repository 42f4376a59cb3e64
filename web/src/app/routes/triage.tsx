import { mayAttempt } from '@misalign/shared'
import { Link, useSearchParams } from 'react-router'
import { Notice } from '../../components/feedback'
import { Field } from '../../components/field'
import { PageHeader, usePageTitle } from '../../components/page'
import { ClusterList } from '../../features/clusters/components/cluster-list'
import { NoDecisionQueue } from '../../features/triage/components/no-decision-queue'
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
        title="Incidents with no decision"
        intro="Reports nobody has traced to the decision behind them yet. The tracker suggests likely decisions from the decision register and from similar reports; you decide. Every link is recorded in the audit log and can be undone."
      />
      {mayAttempt(user, 'cluster.edit') && (
        <p>
          <a href="#triage-suggested-clusters">Review suggested clusters</a>, below the reports.
        </p>
      )}
      <div className="filters">
        <Field id="triage-team" label="Whose incidents" hint="Reported by the team, or suspected to be its decision.">
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
      <NoDecisionQueue key={teamId} teamId={teamId} />
      {mayAttempt(user, 'cluster.edit') && (
        <section aria-labelledby="triage-suggested-clusters">
          <h2 id="triage-suggested-clusters">Suggested clusters</h2>
          <p className="hint">
            Groups of related reports the engine found. Select the ones that belong together and confirm them, or dismiss the
            rest; each one can be reopened on the <Link to="/clusters">Clusters</Link> page.
          </p>
          <ClusterList status="suggested" mayEdit compact />
        </section>
      )}
    </>
  )
}
