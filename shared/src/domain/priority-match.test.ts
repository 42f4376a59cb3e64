import { describe, expect, it } from 'vitest'
import { matchPriority, priorityKey, suggestPriorities } from './priority-match'

const register = [
  { id: 'privacy', name: 'Privacy by default', aliases: ['data minimisation'] },
  { id: 'personal', name: 'Personalisation', aliases: ['tailored recommendations'] },
  { id: 'cost', name: 'Lower cloud cost', aliases: ['infrastructure spend'] },
  { id: 'speed', name: 'Delivery speed', aliases: [] },
]

describe('matchPriority', () => {
  it('matches a name or an alias whatever the case and punctuation', () => {
    expect(matchPriority('privacy-by-default', register)).toMatchObject({ priority: { id: 'privacy' }, kind: 'exact' })
    expect(matchPriority('  Data Minimisation. ', register)).toMatchObject({
      priority: { id: 'privacy' },
      kind: 'exact',
      matched: 'data minimisation',
      score: 1,
    })
  })

  it('matches close spellings: American endings, plurals, word order and small words', () => {
    expect(matchPriority('data minimization', register)).toMatchObject({ priority: { id: 'privacy' }, kind: 'close' })
    expect(matchPriority('personalization', register)).toMatchObject({ priority: { id: 'personal' }, kind: 'close' })
    expect(matchPriority('speed of delivery', register)).toMatchObject({ priority: { id: 'speed' }, kind: 'close' })
    expect(matchPriority('lower cloud costs', register)).toMatchObject({ priority: { id: 'cost' }, kind: 'close' })
  })

  it('forgives a typo or two in a longer spelling', () => {
    expect(matchPriority('privacy by defualt', register)).toMatchObject({ priority: { id: 'privacy' }, kind: 'close' })
  })

  it('finds nothing for words the register does not know', () => {
    expect(matchPriority('battery life', register)).toBeUndefined()
    expect(matchPriority('   ', register)).toBeUndefined()
    expect(matchPriority('cost', register)).toBeUndefined()
  })
})

describe('suggestPriorities', () => {
  it('lists each priority once, best first, up to the limit', () => {
    const twins = [
      { id: 'a', name: 'release safety', aliases: ['release safety checks'] },
      { id: 'b', name: 'release safty', aliases: [] },
    ]
    const found = suggestPriorities('Release safety', twins)
    expect(found.map((m) => m.priority.id)).toEqual(['a', 'b'])
    expect(suggestPriorities('Release safety', twins, 1)).toHaveLength(1)
  })
})

describe('priorityKey', () => {
  it('keeps the words that name the priority, in one order', () => {
    expect(priorityKey('The speed of delivery')).toBe(priorityKey('delivery speed'))
    expect(priorityKey('Big-bang releases')).toBe('bang big release')
  })
})
