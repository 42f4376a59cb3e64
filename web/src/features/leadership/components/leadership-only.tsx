import { mayAttempt } from '@misalign/shared'
import type { ReactNode } from 'react'
import { Notice } from '../../../components/feedback'
import { PageHeader } from '../../../components/page'
import { useUser } from '../../../lib/session'

/**
 * The leadership pages for those who may read them; for anyone else a sentence instead, and no
 * request the API would refuse (a refused request is a console error on every visit).
 */
export function LeadershipOnly({ title, children }: { title: string; children: ReactNode }) {
  const user = useUser()
  if (mayAttempt(user, 'leadership.read')) return children
  return (
    <>
      <PageHeader title={title} />
      <Notice>
        <p>The leadership review is for leads, leaders and admins. The Dashboard shows where misalignment comes from.</p>
      </Notice>
    </>
  )
}
