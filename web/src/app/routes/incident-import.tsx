import { mayAttempt } from '@misalign/shared'
import { EmptyState } from '../../components/feedback'
import { PageHeader, usePageTitle } from '../../components/page'
import { IncidentImportForm } from '../../features/incident-import/components/incident-import-form'
import { useUser } from '../../lib/session'

export default function IncidentImportRoute() {
  usePageTitle('Import incidents')
  const user = useUser()
  return (
    <>
      <PageHeader
        title="Import incidents"
        intro="Reports from another tracker or a spreadsheet, as CSV, JSON or NDJSON. Each row needs externalId, the id it had there: importing the same file again updates what changed and leaves the rest. Nothing is written unless every row can be."
      />
      {mayAttempt(user, 'incident.import') ? <IncidentImportForm /> : <EmptyState>Only admins import incidents.</EmptyState>}
    </>
  )
}
