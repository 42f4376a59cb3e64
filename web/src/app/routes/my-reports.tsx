import { Link } from 'react-router'
import { PageHeader, usePageTitle } from '../../components/page'
import { MyReports } from '../../features/incidents/components/my-reports'

export default function MyReportsRoute() {
  usePageTitle('My reports')
  return (
    <>
      <PageHeader
        title="My reports"
        intro="What you reported and what became of it: its status, the decision it was traced to and its strategy gap. Anonymous reports are listed too; only you see they are yours."
        actions={
          <Link className="button-primary" to="/report">
            Report a misalignment
          </Link>
        }
      />
      <MyReports />
    </>
  )
}
