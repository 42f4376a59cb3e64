import { Loading, ProblemMessage } from '../../components/feedback'
import { PageHeader, usePageTitle } from '../../components/page'
import { reviewExportHref, useReview } from '../../features/leadership/api/leadership'
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
    <>
      <PageHeader
        title="Leadership review"
        intro="Which strategy to write next, and whether the ones we published work. Every incident count opens the incident list that reproduces it."
        actions={
          <a className="button-secondary" href={reviewExportHref(window)} download>
            Export Markdown
          </a>
        }
      />
      <LeadershipNav />
      <ReviewWindowForm />
      {review.isPending && <Loading label="Preparing the review" />}
      <ProblemMessage error={review.error} title="The review could not be prepared." />
      {review.data && (
        <>
          <p>
            Incidents discovered from <strong>{formatDay(review.data.window.from)}</strong> to{' '}
            <strong>{formatDay(review.data.window.to)}</strong>.
          </p>
          <TopGaps gaps={review.data.topGaps} formula={review.data.formula} />
          <StaleStrategies items={review.data.staleStrategies} />
          <Conflicts items={review.data.conflicts} />
          <BeforeAfterTable items={review.data.beforeAfter} />
          <ActionsAndGoodNews review={review.data} />
        </>
      )}
    </>
  )
}
