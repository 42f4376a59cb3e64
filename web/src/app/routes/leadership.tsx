import { impactSummary } from '@misalign/shared'
import { Loading, ProblemMessage } from '../../components/feedback'
import { PageHeader, usePageTitle } from '../../components/page'
import { reviewExportHref, useReview } from '../../features/leadership/api/leadership'
import { GapImpactCharts } from '../../features/leadership/components/gap-impact-charts'
import { LeadershipNav } from '../../features/leadership/components/leadership-nav'
import { LeadershipOnly } from '../../features/leadership/components/leadership-only'
import {
  ActionsAndGoodNews,
  BeforeAfterTable,
  Conflicts,
  StaleStrategies,
  TopGaps,
} from '../../features/leadership/components/review-sections'
import { ReviewWindowForm, useReviewWindow } from '../../features/leadership/components/review-window'
import { formatDay } from '../../lib/labels'

export default function LeadershipRoute() {
  usePageTitle('Leadership review')
  return (
    <LeadershipOnly title="Leadership review">
      <LeadershipPage />
    </LeadershipOnly>
  )
}

function LeadershipPage() {
  const [window] = useReviewWindow()
  const review = useReview(window)
  return (
    <div className="review-page">
      <PageHeader
        title="Leadership review"
        intro="Which strategy to write next, and whether the ones we published work. Every incident count opens the incident list that reproduces it."
        actions={
          <div className="review-actions">
            <button type="button" className="button-secondary" onClick={() => globalThis.print()}>
              Print
            </button>
            <a className="button-secondary" href={reviewExportHref(window)} download>
              Export Markdown
            </a>
          </div>
        }
      />
      <LeadershipNav />
      <ReviewWindowForm applied={review.data?.window} />
      {review.isPending && <Loading label="Preparing the review" />}
      <ProblemMessage error={review.error} title="The review could not be prepared." />
      {review.data && (
        <>
          <p className="review-headline">
            Incidents discovered from <strong>{formatDay(review.data.window.from)}</strong> to{' '}
            <strong>{formatDay(review.data.window.to)}</strong>. {impactSummary(review.data.gapImpacts)}
          </p>
          <GapImpactCharts items={review.data.gapImpacts} />
          <div className="print-hide">
            <TopGaps gaps={review.data.topGaps} formula={review.data.formula} />
            <StaleStrategies items={review.data.staleStrategies} />
            <Conflicts items={review.data.conflicts} />
            <BeforeAfterTable items={review.data.beforeAfter} />
            <ActionsAndGoodNews review={review.data} />
          </div>
        </>
      )}
    </div>
  )
}
