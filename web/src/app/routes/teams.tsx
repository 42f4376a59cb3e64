import { mayAttempt, type Team } from '@misalign/shared'
import { useState } from 'react'
import { Loading, ProblemMessage } from '../../components/feedback'
import { PageHeader, usePageTitle } from '../../components/page'
import { TeamForm, TeamTable } from '../../features/teams/components/team-register'
import { useTeams } from '../../lib/reference-data'
import { useUser } from '../../lib/session'

export default function TeamsRoute() {
  usePageTitle('Teams')
  const user = useUser()
  const teams = useTeams()
  // null: adding a team; a team: editing it; undefined: no form open.
  const [editing, setEditing] = useState<Team | null | undefined>(undefined)
  const mayManage = mayAttempt(user, 'team.manage')
  const sorted = [...(teams.data ?? [])].sort((a, b) => a.name.localeCompare(b.name))
  return (
    <>
      <PageHeader
        title="Teams"
        intro="The teams of the organisation. Teams may nest; a team under five people is shown as its parent on anonymous reports."
        actions={
          mayManage &&
          editing === undefined && (
            <button type="button" className="button-primary" onClick={() => setEditing(null)}>
              Add a team
            </button>
          )
        }
      />
      {!mayManage && <p className="hint">Read-only for you: admins manage teams.</p>}
      {editing !== undefined && (
        <TeamForm key={editing?.id ?? 'new'} team={editing} teams={sorted} onDone={() => setEditing(undefined)} />
      )}
      {teams.isPending && <Loading label="Loading teams" />}
      {teams.error && <ProblemMessage error={teams.error} title="The teams could not be loaded." />}
      {teams.data && <TeamTable teams={sorted} mayManage={mayManage} onEdit={setEditing} />}
    </>
  )
}
