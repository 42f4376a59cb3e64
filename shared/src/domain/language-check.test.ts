import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkLanguage, PLAIN_WORDS } from './language-check'

const only = (text: string) => {
  const found = checkLanguage(text)
  expect(found).toHaveLength(1)
  return found[0]
}

describe('checkLanguage', () => {
  it('suggests "agree on X" for "get alignment on X"', () => {
    const text = 'We need to get alignment on the API versioning policy.'
    expect(only(text)).toMatchObject({
      start: text.indexOf('get'),
      end: text.indexOf('.'),
      match: 'get alignment on the API versioning policy',
      suggestion: 'agree on the API versioning policy',
    })
  })

  it('keeps the tense and capital of "getting alignment"', () => {
    expect(only('Getting alignment on pricing took weeks')?.suggestion).toBe('Agreeing on pricing took weeks')
  })

  it('suggests "does team X know about Y" for "is team X aligned on Y"', () => {
    expect(only('Is team payments aligned on the new refund flow?')).toMatchObject({
      match: 'Is team payments aligned on the new refund flow',
      suggestion: 'Does team payments know about the new refund flow',
    })
  })

  it('suggests "sharing our decision to X" for "sharing alignment on X"', () => {
    expect(only('We are sharing alignment on dropping IE11, then moving on')).toMatchObject({
      match: 'sharing alignment on dropping IE11',
      suggestion: 'sharing our decision to dropping IE11',
    })
  })

  it('suggests "the spec we agreed to" for "the spec we aligned on"', () => {
    expect(only('This breaks the spec we aligned on.')).toMatchObject({
      match: 'the spec we aligned on',
      suggestion: 'the spec we agreed to',
    })
  })

  it('generalises "the <noun> we aligned on" to any short noun phrase', () => {
    expect(only('They ignored the rollout plan that we all aligned on')?.suggestion).toBe(
      'the rollout plan that we all agreed to',
    )
  })

  it('names the plain words for any other alignment jargon', () => {
    const text = 'Our teams are misaligned and we lack alignment'
    const found = checkLanguage(text)
    expect(found.map((f) => f.match)).toEqual(['misaligned', 'alignment'])
    for (const f of found) {
      expect(f.suggestion).toBe(PLAIN_WORDS)
      expect(f.message).toContain('did you mean context, goal, strategy, priority, motivation, approach or agreement?')
      expect(text.slice(f.start, f.end)).toBe(f.match)
    }
  })

  it('flags each verb form of align', () => {
    const found = checkLanguage("align, aligns, Aligned, aligning, misalign, alignment's")
    expect(found.map((f) => f.match)).toEqual(['align', 'aligns', 'Aligned', 'aligning', 'misalign', "alignment's"])
  })

  it('leaves the product word "misalignment" alone', () => {
    expect(checkLanguage('This misalignment cost us a sprint; misalignments add up.')).toEqual([])
  })

  it('leaves CSS text-align alone', () => {
    expect(checkLanguage('set text-align: center on the header')).toEqual([])
  })

  it('falls back to the generic hint when the phrase has no object', () => {
    expect(only('We need to get alignment.')).toMatchObject({ match: 'alignment', suggestion: PLAIN_WORDS })
  })

  it('stops the quoted phrase at the end of its clause', () => {
    expect(only('get alignment on scope, then ship')?.suggestion).toBe('agree on scope')
  })

  it('quotes at most eight words of the phrase', () => {
    const found = only('get alignment on one two three four five six seven eight nine ten')
    expect(found?.suggestion).toBe('agree on one two three four five six seven eight')
  })

  it('reports overlapping phrases once, preferring the specific rewrite', () => {
    const found = checkLanguage('Let us get alignment on the spec we aligned on')
    expect(found).toHaveLength(1)
    expect(found[0]?.suggestion).toBe('agree on the spec we aligned on')
  })

  it('reports suggestions in text order', () => {
    const found = checkLanguage('We aligned. Then we had to get alignment on budget. Aligning again.')
    expect(found.map((f) => f.match)).toEqual(['aligned', 'get alignment on budget', 'Aligning'])
  })

  it('finds nothing in text without jargon, including empty text and NUL bytes', () => {
    expect(checkLanguage('')).toEqual([])
    expect(checkLanguage('\u0000\u0000 plain words \u0000')).toEqual([])
  })

  it('handles a megabyte of text', () => {
    const chunk = 'is team a b c d e f g aligned on the plan, get alignment on x; the spec we aligned on. \u0000'
    const text = chunk.repeat(Math.ceil(1_000_000 / chunk.length))
    const found = checkLanguage(text)
    expect(found.length).toBeGreaterThan(30_000)
    expect(checkLanguage('align '.repeat(200_000))).toHaveLength(200_000)
    expect(checkLanguage(`${'a-'.repeat(500_000)}!`)).toEqual([])
  })

  it('never throws and always points at the text it quotes', () => {
    const words = fc.constantFrom(
      'get',
      'alignment',
      'on',
      'is',
      'team',
      'aligned',
      'the',
      'we',
      'sharing',
      ' ',
      '.',
      ',',
      '\n',
      '\u0000',
      "'s",
      '-',
    )
    const texts = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.array(words).map((w) => w.join(' ')),
      fc.array(words).map((w) => w.join('')),
    )
    fc.assert(
      fc.property(texts, (text) => {
        let previousEnd = 0
        for (const f of checkLanguage(text)) {
          expect(text.slice(f.start, f.end)).toBe(f.match)
          expect(f.start).toBeGreaterThanOrEqual(previousEnd)
          previousEnd = f.end
        }
      }),
    )
  })
})
