import { PageHeader, usePageTitle } from '../../components/page'
import { ReportForm } from '../../features/report/components/report-form'
import { useUser } from '../../lib/session'

export default function ReportRoute() {
  usePageTitle('Report')
  const user = useUser()
  return (
    <>
      <PageHeader
        title="Report a misalignment"
        intro="A decision by another team surprised you and hurt one of your goals? Tell us in about two minutes. Five short steps; only the first three are required."
      />
      <ReportForm userId={user.id} defaultTeamId={user.teamIds[0] ?? ''} />
    </>
  )
}
