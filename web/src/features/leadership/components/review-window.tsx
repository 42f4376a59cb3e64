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

/** From and to (discovery days); empty fields mean the 90 days ending today. */
export function ReviewWindowForm() {
  const [window, setWindow] = useReviewWindow()
  const [draft, setDraft] = useState<ReviewWindowInput>(window)
  const apply = (event: FormEvent) => {
    event.preventDefault()
    setWindow(draft)
  }
  return (
    <form className="filters card" onSubmit={apply} aria-label="Review window">
      <Field id="review-from" label="From">
        {(c) => (
          <input {...c} type="date" value={draft.from ?? ''} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        )}
      </Field>
      <Field id="review-to" label="To">
        {(c) => <input {...c} type="date" value={draft.to ?? ''} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />}
      </Field>
      <div className="field">
        <button type="submit" className="button-primary">
          Show this window
        </button>
      </div>
    </form>
  )
}
