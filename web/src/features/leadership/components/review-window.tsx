import { rankingWindow, utcDay } from '@misalign/shared'
import { type FormEvent, useState } from 'react'
import { useSearchParams } from 'react-router'
import { Field } from '../../../components/field'
import type { ReviewWindowInput } from '../api/leadership'

const day = /^\d{4}-\d{2}-\d{2}$/

/** The window lives in the URL, so a review can be shared as a link. */
export function useReviewWindow(): [ReviewWindowInput, (next: ReviewWindowInput) => void] {
  const [search, setSearch] = useSearchParams()
  const from = search.get('from') ?? ''
  const to = search.get('to') ?? ''
  const window: ReviewWindowInput = {
    ...(day.test(from) ? { from } : {}),
    ...(day.test(to) ? { to } : {}),
  }
  const set = (next: ReviewWindowInput) => {
    const params = new URLSearchParams()
    if (next.from) params.set('from', next.from)
    if (next.to) params.set('to', next.to)
    setSearch(params)
  }
  return [window, set]
}

/**
 * From and to (discovery days), showing the window the numbers below are for: the one the API
 * answered with (`applied`), else the same default rule (the 90 days ending today), so the
 * fields are never blank while a window is in force. Clearing a field goes back to the default.
 */
export function ReviewWindowForm({ applied }: { applied?: { from: string; to: string } | undefined }) {
  const [window, setWindow] = useReviewWindow()
  const [draft, setDraft] = useState<ReviewWindowInput>(window)
  const shown = applied ?? rankingWindow(window, utcDay(new Date()))
  const value = (field: 'from' | 'to') => draft[field] ?? shown[field]
  const apply = (event: FormEvent) => {
    event.preventDefault()
    setWindow({ from: value('from') || undefined, to: value('to') || undefined })
  }
  return (
    <form className="filters card review-window" onSubmit={apply} aria-label="Review window">
      <Field id="review-from" label="From">
        {(c) => <input {...c} type="date" value={value('from')} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />}
      </Field>
      <Field id="review-to" label="To">
        {(c) => <input {...c} type="date" value={value('to')} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />}
      </Field>
      <div className="field">
        <button type="submit" className="button-primary">
          Show this window
        </button>
      </div>
    </form>
  )
}
