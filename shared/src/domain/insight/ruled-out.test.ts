import { describe, expect, it } from 'vitest'
import { ruledOutOf, withoutRuledOut } from './ruled-out'

describe('withoutRuledOut', () => {
  it('drops a suspicion up to the "but" that turns it', () => {
    const text = "We assumed the new limits in front of the site, but the cause was the media service's own per-account limiter."
    expect(withoutRuledOut(text)).toBe("the cause was the media service's own per-account limiter.")
    expect(ruledOutOf(text)).toBe('We assumed the new limits in front of the site, but')
  })

  it('drops a whole suspicion sentence and keeps the next', () => {
    const text = 'We thought the acquirer change had broken the feed again. It is the bank holiday calendar.'
    expect(withoutRuledOut(text)).toBe('It is the bank holiday calendar.')
  })

  it('drops only the clause with the cue when nothing turns it', () => {
    expect(withoutRuledOut("The publishing tool says 'live' immediately, so the merchandisers thought it had worked.")).toBe(
      "The publishing tool says 'live' immediately",
    )
  })

  it('drops a denial that opens a clause, to the end of that clause', () => {
    expect(withoutRuledOut('Not the 100-row problem: parent issues are all there.')).toBe('parent issues are all there.')
    expect(withoutRuledOut('This is not about history being too short — these entries were never written.')).toBe(
      'these entries were never written.',
    )
    expect(withoutRuledOut('Another "why is my invoice higher" — and it isn’t seats')).toBe('Another "why is my invoice higher"')
  })

  it('keeps the comparison out of "…, but this time …"', () => {
    expect(withoutRuledOut("Another wave of 'I keep getting logged out', but this time it's all iPhone.")).toBe(
      "it's all iPhone.",
    )
  })

  it('leaves text that rules nothing out exactly as written', () => {
    const plain = 'Flash P&L at 08:00 is missing the final hour; the cap is not enforced until the next day.'
    expect(withoutRuledOut(plain)).toBe(plain)
    expect(ruledOutOf(plain)).toBe('')
  })

  it('keeps a negation inside a clause: only a clause that opens with one is a denial', () => {
    const text = 'Opening a document gives a 403, so the body is protected, but the preview text is not.'
    expect(withoutRuledOut(text)).toBe(text)
  })
})
