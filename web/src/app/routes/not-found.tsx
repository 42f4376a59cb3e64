import { Link } from 'react-router'
import { PageHeader, usePageTitle } from '../../components/page'

export function NotFoundRoute() {
  usePageTitle('Page not found')
  return (
    <>
      <PageHeader title="Page not found" intro="There is no screen at this address. It may have moved." />
      <p>
        <Link to="/report">File a report</Link> or <Link to="/incidents">browse incidents</Link>.
      </p>
    </>
  )
}
