import { describe, expect, it } from 'vitest'
import { attributedGapId, attributionOf, decisionClaims } from './gap-attribution'

const link = (gapId: string, decisionId: string, linkedAt: string) => ({ gapId, decisionId, linkedAt })

describe('decisionClaims', () => {
  it('gives each decision to the gap that named it first', () => {
    const claims = decisionClaims([
      link('gap-b', 'd1', '2026-03-02T10:00:00Z'),
      link('gap-a', 'd1', '2026-03-01T10:00:00Z'),
      link('gap-b', 'd2', '2026-03-02T10:00:00Z'),
    ])
    expect(claims.get('d1')).toBe('gap-a')
    expect(claims.get('d2')).toBe('gap-b')
    expect(claims.has('d3')).toBe(false)
  })

  it('breaks a tie of the same instant by gap id, whatever the order given', () => {
    const at = '2026-03-01T10:00:00Z'
    expect(decisionClaims([link('gap-b', 'd1', at), link('gap-a', 'd1', at)]).get('d1')).toBe('gap-a')
    expect(decisionClaims([link('gap-a', 'd1', at), link('gap-b', 'd1', at)]).get('d1')).toBe('gap-a')
  })
})

describe('attributedGapId', () => {
  const claims = decisionClaims([link('gap-a', 'd1', '2026-03-01T10:00:00Z')])

  it('counts an incident that names a gap towards that gap, even when its decision is behind another', () => {
    expect(attributedGapId({ gapId: 'gap-z', decisionId: 'd1' }, claims)).toBe('gap-z')
    expect(attributionOf({ gapId: 'gap-z', decisionId: 'd1' }, claims)).toBe('named')
  })

  it('counts an incident that names no gap towards the gap behind its decision', () => {
    expect(attributedGapId({ gapId: null, decisionId: 'd1' }, claims)).toBe('gap-a')
    expect(attributionOf({ gapId: null, decisionId: 'd1' }, claims)).toBe('decision')
  })

  it('counts an incident towards no gap when neither its gap nor its decision says so', () => {
    expect(attributedGapId({ gapId: null, decisionId: 'd2' }, claims)).toBeNull()
    expect(attributedGapId({ gapId: null, decisionId: null }, claims)).toBeNull()
    expect(attributionOf({ gapId: null, decisionId: null }, claims)).toBeNull()
  })

  it('drops incidents from a gap once its decision is no longer behind it', () => {
    expect(attributedGapId({ gapId: null, decisionId: 'd1' }, decisionClaims([]))).toBeNull()
  })
})
