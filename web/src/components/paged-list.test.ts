import { describe, expect, it } from 'vitest'
import { rangeText } from './paged-list'

describe('rangeText', () => {
  it('says which items of how many a page shows', () => {
    expect(rangeText(1, 25, { items: [], nextCursor: 'x', total: 142 }, 'incidents')).toBe('1–25 of 142 incidents')
    expect(rangeText(126, 17, { items: [], nextCursor: null, total: 142 }, 'incidents')).toBe('126–142 of 142 incidents')
  })

  it('marks a total the API stopped counting at', () => {
    expect(rangeText(1, 25, { items: [], nextCursor: 'x', total: 10_000, isTotalCapped: true }, 'incidents')).toBe(
      '1–25 of 10,000+ incidents',
    )
  })

  it('falls back to "more" when a list gives no total', () => {
    expect(rangeText(1, 25, { items: [], nextCursor: 'x' }, 'priorities')).toBe('1–25+ priorities')
  })
})
