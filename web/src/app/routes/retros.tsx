import { Link } from 'react-router'
import { PageHeader, usePageTitle } from '../../components/page'
import { RetroList } from '../../features/retros/components/retro-list'

export default function RetrosRoute() {
  usePageTitle('Retros')
  return (
    <>
      <PageHeader
        title="Retros"
        intro="Reviews of clusters of related incidents: the timeline first, then decisions and missing context, then actions that add clarity rather than control."
        actions={
          <Link className="button-secondary" to="/actions">
            Actions across retros
          </Link>
        }
      />
      <RetroList />
    </>
  )
}
