import { PageHeader, usePageTitle } from '../../components/page'
import { LeadershipNav } from '../../features/leadership/components/leadership-nav'
import { LeadershipOnly } from '../../features/leadership/components/leadership-only'
import { ReviewWindowForm, useReviewWindow } from '../../features/leadership/components/review-window'
import { CoverageMap, StrategySignals } from '../../features/leadership/components/team-sections'

export default function LeadershipCoverageRoute() {
  usePageTitle('Coverage and good news')
  return (
    <LeadershipOnly title="Coverage and good news">
      <LeadershipCoveragePage />
    </LeadershipOnly>
  )
}

function LeadershipCoveragePage() {
  const [window] = useReviewWindow()
  return (
    <>
      <PageHeader
        title="Coverage and good news"
        intro="Where strategy is written, stale or missing, and which strategies let teams decide on their own."
      />
      <LeadershipNav />
      <ReviewWindowForm />
      <StrategySignals window={window} />
      <CoverageMap window={window} />
    </>
  )
}
