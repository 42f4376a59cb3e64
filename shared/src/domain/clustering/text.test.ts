import { describe, expect, it } from 'vitest'
import { centroid, cosine, stem, tokenize, vectorize } from './text'

const text = (title: string, narrative = '') => ({ title, narrative, expected: '', missingContext: '' })

describe('text similarity', () => {
  it('drops stop words and folds plurals and -ing forms', () => {
    expect(tokenize('The tokens are expiring in the apps').map((t) => t.stem)).toEqual(['token', 'expir', 'app'])
    expect(stem('listings')).toBe('listing')
    expect(stem('class')).toBe('class')
  })

  it('scores reports about the same thing far above unrelated ones', () => {
    const { vectors } = vectorize([
      text('Access token expiry broke the iOS app', 'Forced logout after the 15-minute access token expiry'),
      text('Forced logout after access token expiry', 'The refresh token flow is missing; access token expiry logs users out'),
      text('Stale listings in search', 'The nightly batch reindex leaves stale listings'),
      text('Invoices sent twice', 'Billing retried the export job'),
    ])
    const [a, b, c] = vectors
    if (!a || !b || !c) throw new Error('vectors missing')
    expect(cosine(a, b)).toBeGreaterThan(0.4)
    expect(cosine(a, c)).toBe(0)
    expect(cosine(a, a)).toBeCloseTo(1, 5)
  })

  it('keeps a centroid of unit length', () => {
    const { vectors } = vectorize([text('alpha beta'), text('beta gamma'), text('delta')])
    const middle = centroid(vectors)
    expect(cosine(middle, middle)).toBeCloseTo(1, 5)
  })
})
