import { Link } from 'react-router'
import { PageHeader, usePageTitle } from '../../components/page'
import { ActionList } from '../../features/retros/components/action-list'

export default function ActionsRoute() {
  usePageTitle('Actions')
  return (
    <>
      <p>
        <Link to="/retros">← All retros</Link>
      </p>
      <PageHeader
        title="Actions"
        intro="Follow-ups from every retro. Alignment actions share context; anti-misalignment actions add control, and say what it costs."
      />
      <ActionList />
    </>
  )
}
