import { describe, expect, it } from 'vitest'
import { checkSignal } from './signal-rules'

describe('checkSignal', () => {
  it('accepts a near miss that happened today', () => {
    expect(checkSignal({ kind: 'near_miss', occurredAt: '2026-03-14' }, '2026-03-14')).toEqual([])
  })

  it('refuses a day still to come', () => {
    expect(checkSignal({ kind: 'near_miss', occurredAt: '2026-03-15' }, '2026-03-14').map((p) => p.field)).toEqual(['occurredAt'])
  })

  it('asks an autonomy win for the strategy behind it', () => {
    const [problem] = checkSignal({ kind: 'autonomy_win', occurredAt: '2026-03-01', strategyId: null }, '2026-03-14')
    expect(problem?.field).toBe('strategyId')
    expect(problem?.detail).toMatch(/strategyId/)
    expect(checkSignal({ kind: 'autonomy_win', occurredAt: '2026-03-01', strategyId: 's1' }, '2026-03-14')).toEqual([])
  })
})
