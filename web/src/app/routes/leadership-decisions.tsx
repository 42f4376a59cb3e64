import { PageHeader, usePageTitle } from '../../components/page'
import { useAgreementOnly } from '../../features/leadership/api/leadership'
import { LeadershipNav } from '../../features/leadership/components/leadership-nav'
import { LeadershipOnly } from '../../features/leadership/components/leadership-only'
import { ReviewWindowForm, useReviewWindow } from '../../features/leadership/components/review-window'
import { AgreementOnly, DecisionVisibilityTable } from '../../features/leadership/components/team-sections'

export default function LeadershipDecisionsRoute() {
  usePageTitle('Decisions, seen by leadership')
  return (
    <LeadershipOnly title="Decisions, seen by leadership">
      <LeadershipDecisionsPage />
    </LeadershipOnly>
  )
}

function LeadershipDecisionsPage() {
  const [window] = useReviewWindow()
  const applied = useAgreementOnly(window).data?.window
  return (
    <>
      <PageHeader
        title="Decisions, seen by leadership"
        intro="Harmful decisions that carry no tradeoff, and harmful decisions that never reached the teams they hurt."
      />
      <LeadershipNav />
      <ReviewWindowForm applied={applied} />
      <AgreementOnly window={window} />
      <DecisionVisibilityTable window={window} />
    </>
  )
}
