import { describe, expect, it } from 'vitest'
import { checkDayWindow, checkPriorityPicks, checkSupersession } from './register-rules'

const decision = '10000000-0000-4000-8000-000000000001'
const other = '10000000-0000-4000-8000-000000000002'

describe('checking a decision is superseded as it says', () => {
  it('accepts a superseded decision that names its replacement, and an active one that names none', () => {
    expect(checkSupersession(decision, 'superseded', other)).toBeUndefined()
    expect(checkSupersession(decision, 'active', null)).toBeUndefined()
  })

  it('refuses a decision that supersedes itself, whatever the letter case', () => {
    expect(checkSupersession(decision, 'superseded', decision.toUpperCase())?.message).toMatch(/by itself/)
  })

  it('refuses a superseded decision with no replacement, and a replacement on one that is not superseded', () => {
    expect(checkSupersession(decision, 'superseded', null)).toMatchObject({ field: 'supersededById' })
    expect(checkSupersession(decision, 'active', other)?.message).toMatch(/Only a superseded decision/)
  })
})

describe('checking the priorities a tradeoff picked', () => {
  it('accepts two different priorities', () => {
    expect(checkPriorityPicks({ preferPriorityId: decision, overPriorityId: other })).toBeUndefined()
  })

  it('refuses the same priority on both sides, naming overPriorityId', () => {
    expect(checkPriorityPicks({ preferPriorityId: decision, overPriorityId: decision.toUpperCase() })).toMatchObject({
      field: 'overPriorityId',
    })
  })
})

describe('checking a window of days', () => {
  it('accepts an open window, one day, and from before to', () => {
    expect(checkDayWindow({})).toBeUndefined()
    expect(checkDayWindow({ from: '2026-01-01' })).toBeUndefined()
    expect(checkDayWindow({ from: '2026-01-01', to: '2026-01-01' })).toBeUndefined()
    expect(checkDayWindow({ from: '2026-01-01', to: '2026-02-01' })).toBeUndefined()
  })

  it('refuses from after to, naming from', () => {
    expect(checkDayWindow({ from: '2026-02-01', to: '2026-01-01' })).toEqual({
      field: 'from',
      message: 'must be on or before to',
    })
  })
})
