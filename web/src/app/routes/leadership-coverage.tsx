import { PageHeader, usePageTitle } from '../../components/page'
import { useSignalsSummary } from '../../features/leadership/api/leadership'
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
  const applied = useSignalsSummary(window).data?.window
  return (
    <>
      <PageHeader
        title="Coverage and good news"
        intro="Where strategy is written, stale or missing, and which strategies let teams decide on their own."
      />
      <LeadershipNav />
      <ReviewWindowForm applied={applied} />
      <StrategySignals window={window} />
      <CoverageMap window={window} />
    </>
  )
}
