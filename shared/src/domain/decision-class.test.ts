import { describe, expect, it } from 'vitest'
import { decisionClass, describeTradeoff, isCompleteTradeoff, normalizeTradeoff } from './decision-class'

const tradeoff = { prefer: 'fewer dependencies', over: 'faster delivery', forGoal: 'a stable on-call' }

describe('decisionClass', () => {
  it('marks a decision with a complete tradeoff as strategy-bearing', () => {
    expect(decisionClass({ tradeoff })).toBe('strategy_bearing')
  })

  it('marks a decision without a tradeoff as an agreement', () => {
    expect(decisionClass({ tradeoff: null })).toBe('agreement')
    expect(decisionClass({ tradeoff: undefined })).toBe('agreement')
  })

  it('marks a decision whose tradeoff has a blank part as an agreement', () => {
    expect(decisionClass({ tradeoff: { ...tradeoff, forGoal: '   ' } })).toBe('agreement')
    expect(decisionClass({ tradeoff: { ...tradeoff, over: '' } })).toBe('agreement')
  })
})

describe('normalizeTradeoff', () => {
  it('trims every part', () => {
    expect(normalizeTradeoff({ prefer: ' a ', over: 'b\n', forGoal: '\tc' })).toEqual({ prefer: 'a', over: 'b', forGoal: 'c' })
  })

  it('is null when every part is blank or missing', () => {
    expect(normalizeTradeoff({ prefer: ' ', over: '', forGoal: null })).toBeNull()
    expect(normalizeTradeoff({})).toBeNull()
    expect(normalizeTradeoff(null)).toBeNull()
  })

  it('keeps a partly filled tradeoff so the form can ask for the rest', () => {
    expect(normalizeTradeoff({ prefer: 'speed ' })).toEqual({ prefer: 'speed', over: '', forGoal: '' })
  })
})

describe('isCompleteTradeoff', () => {
  it('is true only when prefer, over and forGoal are all filled', () => {
    expect(isCompleteTradeoff(tradeoff)).toBe(true)
    expect(isCompleteTradeoff({ prefer: 'a', over: 'b' })).toBe(false)
    expect(isCompleteTradeoff(null)).toBe(false)
  })
})

describe('describeTradeoff', () => {
  it('reads as "we prefer X over Y, for goal Z"', () => {
    expect(describeTradeoff(tradeoff)).toBe('we prefer fewer dependencies over faster delivery, for goal a stable on-call')
  })
})
