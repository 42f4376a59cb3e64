import { Loading, ProblemMessage } from '../../components/feedback'
import { PageHeader, usePageTitle } from '../../components/page'
import { useIntegrationStatus } from '../../features/integrations/api/integrations'
import { DeliveryLog, SlackStatus, TeamChannels } from '../../features/integrations/components/integration-views'
import { useTeams } from '../../lib/reference-data'

export default function IntegrationsRoute() {
  usePageTitle('Integrations')
  const status = useIntegrationStatus()
  const teams = useTeams()
  const active = [...(teams.data ?? [])].filter((t) => !t.archivedAt).sort((a, b) => a.name.localeCompare(b.name))
  return (
    <>
      <PageHeader
        title="Integrations"
        intro="Slack: where people file from, where each team hears about its decisions, and what was sent."
      />
      {(status.isPending || teams.isPending) && <Loading label="Loading the integrations" />}
      <ProblemMessage error={status.error ?? teams.error} title="The integrations could not be loaded." />
      {status.data && (
        <div className="sections">
          <SlackStatus slack={status.data.slack} />
          {teams.data && (
            <TeamChannels teams={active} channels={status.data.channels} slackReady={status.data.slack.configured} />
          )}
          <DeliveryLog />
        </div>
      )}
    </>
  )
}
