import { can } from '@misalign/shared'
import { Link } from 'react-router'
import { EmptyState, Loading, ProblemMessage } from '../../components/feedback'
import { PageHeader, usePageTitle } from '../../components/page'
import { DecisionImportForm } from '../../features/decision-import/components/decision-import-form'
import { activeTeams, useTeams } from '../../lib/reference-data'
import { useUser } from '../../lib/session'

export default function DecisionImportRoute() {
  usePageTitle('Import ADRs')
  const user = useUser()
  const teams = useTeams()
  const viewer = { userId: user.id, role: user.role, teamIds: user.teamIds }
  // Importing rewrites a team's records: only teams whose decisions this person may update.
  const ownTeams = activeTeams(teams.data).filter((team) => can(viewer, 'decision.update', { teamIds: [team.id] }))
  return (
    <>
      <p>
        <Link to="/decisions">← All decisions</Link>
      </p>
      <PageHeader
        title="Import ADRs"
        intro="Architecture decision records from a repository (MADR, Nygard, log4brains) become decisions of one team. Importing the same files again updates them; proposals and rejected records are left out."
      />
      {teams.isPending ? (
        <Loading label="Loading teams" />
      ) : teams.error ? (
        <ProblemMessage error={teams.error} title="The teams could not be loaded." />
      ) : ownTeams.length === 0 ? (
        <EmptyState>You may import decisions only for a team you lead. Ask a lead of the team, a leader or an admin.</EmptyState>
      ) : (
        <DecisionImportForm teams={ownTeams} />
      )}
    </>
  )
}
