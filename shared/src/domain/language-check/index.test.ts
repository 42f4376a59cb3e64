import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyRewrite, applyRewrites, checkLanguage } from './index'

const only = (text: string) => {
  const found = checkLanguage(text)
  expect(found).toHaveLength(1)
  const [finding] = found
  if (!finding) throw new Error('no finding')
  return finding
}
const rewritten = (text: string) => applyRewrites(text, checkLanguage(text))

describe('checkLanguage', () => {
  it('rewrites "get alignment on X" to "agree on X", replacing only the words that change', () => {
    const text = 'We need to get alignment on the API versioning policy.'
    expect(only(text)).toMatchObject({
      start: text.indexOf('get'),
      end: text.indexOf(' the API'),
      phrase: 'get alignment on',
      rewrite: 'agree on',
      sentence: text,
      rewrittenSentence: 'We need to agree on the API versioning policy.',
      alternatives: [],
    })
  })

  it('keeps the tense and capital of "Getting alignment"', () => {
    expect(rewritten('Getting alignment on pricing took weeks')).toBe('Agreeing on pricing took weeks')
  })

  it('asks what a team knows for "is team X aligned on Y"', () => {
    expect(only('Is team payments aligned on the new refund flow?')).toMatchObject({
      phrase: 'Is team payments aligned on',
      rewrite: 'Does team payments know about',
      rewrittenSentence: 'Does team payments know about the new refund flow?',
    })
  })

  it('names the decision for "sharing alignment on X", with the subject’s possessive', () => {
    expect(rewritten('We are sharing alignment on dropping IE11, then moving on')).toBe(
      'We are sharing our decision on dropping IE11, then moving on',
    )
    expect(rewritten('They were sharing alignment on the pricing model.')).toBe(
      'They were sharing their decision on the pricing model.',
    )
  })

  it('says "the spec we agreed to" for "the spec we aligned on", for any short noun phrase', () => {
    expect(rewritten('This breaks the spec we aligned on.')).toBe('This breaks the spec we agreed to.')
    expect(rewritten('They ignored the rollout plan that we all aligned on')).toBe(
      'They ignored the rollout plan that we all agreed to',
    )
  })

  it.each([
    ['We need alignment with Payments on the refund flow.', 'We need to agree with Payments on the refund flow.'],
    ['Teams are not aligned on the Q3 priorities.', 'Teams do not know about the Q3 priorities.'],
    ['There was a lack of alignment around data retention.', 'There was no shared decision on data retention.'],
    ['We should align the roadmap with growth.', 'We should make the roadmap serve growth.'],
    ['Misaligned incentives hurt us.', 'Conflicting incentives hurt us.'],
    ['We had another alignment meeting about the launch date.', 'We had another meeting to agree on the launch date.'],
    ['Cross-team alignment broke down.', 'Cross-team agreement broke down.'],
    ['We tried to get buy-in and alignment from Legal.', 'We tried to get agreement from Legal.'],
    ['Are we aligned on the rollout plan?', 'Do we agree on the rollout plan?'],
    ["We weren't aligned with Marketing on the copy.", "We didn't agree with Marketing on the copy."],
    ['Design and Eng were misaligned on scope.', 'Design and Eng disagreed on scope.'],
    ['Our OKRs are not aligned with the company strategy.', 'Our OKRs do not serve the company strategy.'],
    ['The infra roadmap is misaligned with the product goals.', 'The infra roadmap conflicts with the product goals.'],
    ['Everyone was aligned, then Finance changed the budget.', 'Everyone agreed, then Finance changed the budget.'],
    ["Let's make sure we're aligned before the review.", "Let's make sure we agree before the review."],
    ['Please keep everyone aligned on the timeline.', 'Please keep everyone informed about the timeline.'],
    ['How do we get everyone aligned on the process?', 'How do we get everyone to agree on the process?'],
    ['The change had been aligned with all stakeholders.', 'The change had been agreed with all stakeholders.'],
    ['Marketing and Sales need to be aligned before launch.', 'Marketing and Sales need to agree before launch.'],
    ['We should have aligned earlier with Support on refunds.', 'We should have agreed earlier with Support on refunds.'],
    ['Billing never got aligned on the tax rules.', 'Billing never agreed on the tax rules.'],
    ["Ops wasn't aligned with the on-call changes.", "Ops didn't know about the on-call changes."],
    ['We aligned the retention policy to GDPR guidance.', 'We made the retention policy follow GDPR guidance.'],
    ['It was decided in an alignment call.', 'It was decided in a call.'],
    ['The alignment doc was never shared.', 'The decision doc was never shared.'],
    ['Alignment across the org is weak.', 'Agreement across the org is weak.'],
    ['Is Legal aligned with the new consent banner?', 'Does Legal know about the new consent banner?'],
    ['The platform team was aligned with our launch plan.', 'The platform team knew about our launch plan.'],
    ['Expectations were misaligned between Sales and Support.', 'Expectations differed between Sales and Support.'],
    ['How aligned are the teams on the checklist?', 'How well do the teams know the checklist?'],
    ['Nobody aligned the pricing change with Support.', 'Nobody agreed the pricing change with Support.'],
    ['The partner teams are finally aligned.', 'The partner teams finally agree.'],
    ["We'll align with the SRE team first.", "We'll agree with the SRE team first."],
  ])('rewrites “%s” as “%s”', (text, expected) => {
    expect(rewritten(text)).toBe(expected)
  })

  it('offers the plain words, each with its meaning, when the sentence does not say what was meant', () => {
    const finding = only('Leadership wants alignment.')
    expect(finding).toMatchObject({ phrase: 'alignment', rewrite: null, rewrittenSentence: null })
    expect(finding.alternatives.map((a) => a.word)).toEqual([
      'agreement',
      'context',
      'strategy',
      'priority',
      'goal',
      'motivation',
      'approach',
    ])
    for (const alternative of finding.alternatives) expect(alternative.meaning.length).toBeGreaterThan(10)
    expect(finding.explanation).toContain('did you mean agreement, context, strategy')
  })

  it('does not read "keep things aligned" as keeping people informed', () => {
    expect(only('To keep things aligned, Finance approves every contract.').rewrite).toBeNull()
  })

  it('offers verb and adjective alternatives for verb and adjective jargon', () => {
    expect(only('The teams aligned quickly.').alternatives.map((a) => a.word)).toContain('informed')
    expect(only('Teams align.').alternatives.map((a) => a.word)).toContain('agree')
  })

  it('takes the verb in its plain sense when nothing in the sentence speaks of people or decisions', () => {
    expect(checkLanguage('Check that the shelf brackets are aligned before drilling.')).toEqual([])
    expect(checkLanguage('Check that the Payments and Search teams are aligned before the launch.')).toHaveLength(1)
  })

  it('reads a named team as the org even beside a plain-sense word', () => {
    expect(rewritten('The Android and iOS teams are not aligned.')).toBe('The Android and iOS teams do not agree.')
  })

  it.each([
    'Align the text left in the table header.',
    'The struct must use aligned memory for SIMD loads.',
    'The columns are misaligned on the invoice PDF.',
    'Buffers are aligned to a 64-byte boundary.',
    'The delivery van needed a wheel alignment.',
    'Sequence alignment jobs ran twice as long.',
  ])('leaves the plain sense of align alone: “%s”', (text) => {
    expect(checkLanguage(text)).toEqual([])
  })

  it('flags each verb form of align where people are involved', () => {
    const found = checkLanguage("we align, she aligns, we Aligned, we're aligning, we misalign, our alignment's")
    expect(found.map((f) => f.phrase)).toEqual(['align', 'aligns', 'Aligned', 'aligning', 'misalign', "alignment's"])
  })

  it('leaves the product word "misalignment" alone', () => {
    expect(checkLanguage('This misalignment cost us a sprint; misalignments add up.')).toEqual([])
  })

  it('leaves CSS text-align alone', () => {
    expect(checkLanguage('set text-align: center on the header')).toEqual([])
  })

  it('reports overlapping phrases once, preferring the earlier rewrite', () => {
    const found = checkLanguage('Let us get alignment on the spec we aligned on')
    expect(found.map((f) => f.phrase)).toEqual(['get alignment on', 'aligned on'])
    expect(found.every((f) => f.rewrite !== null)).toBe(true)
  })

  it('reports findings in text order, each with its own sentence', () => {
    const found = checkLanguage('We lack alignment. Then we had to get alignment on budget. We are aligning again.')
    expect(found.map((f) => f.phrase)).toEqual(['alignment', 'get alignment on', 'aligning'])
    expect(found.map((f) => f.sentence)).toEqual([
      'We lack alignment.',
      'Then we had to get alignment on budget.',
      'We are aligning again.',
    ])
  })

  it('finds nothing in text without jargon, including empty text and NUL bytes', () => {
    expect(checkLanguage('')).toEqual([])
    expect(checkLanguage('\u0000\u0000 plain words \u0000')).toEqual([])
  })

  it('handles a megabyte of text, with and without stops', () => {
    const chunk = 'is team a b c d e f g aligned on the plan, get alignment on x; the spec we aligned on. \u0000'
    const text = chunk.repeat(Math.ceil(1_000_000 / chunk.length))
    expect(checkLanguage(text).length).toBeGreaterThan(30_000)
    expect(checkLanguage('we align '.repeat(100_000))).toHaveLength(100_000)
    expect(checkLanguage('we aligned '.repeat(100_000))).toHaveLength(100_000)
    expect(checkLanguage(`${'a-'.repeat(500_000)}!`)).toEqual([])
  })

  it('never throws, and every finding points at the text it quotes and rewrites cleanly', () => {
    const words = fc.constantFrom(
      ...['get', 'alignment', 'on', 'is', 'team', 'aligned', 'the', 'we', 'sharing', 'with', 'Payments', "we're"],
      ...['not', 'keep', 'align', 'to', 'misaligned', ' ', '.', ',', '\n', '\u0000', "'s", '-'],
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
          expect(text.slice(f.start, f.end)).toBe(f.phrase)
          expect(f.sentence).toContain(f.phrase)
          expect(f.start).toBeGreaterThanOrEqual(previousEnd)
          expect(f.rewrite === null ? f.alternatives.length : 1).toBeGreaterThan(0)
          if (f.rewrite !== null) expect(f.rewrittenSentence).toContain(f.rewrite)
          previousEnd = f.end
        }
      }),
    )
  })
})

describe('applyRewrite', () => {
  it('puts the rewrite in place of the phrase', () => {
    const text = 'Can we get alignment on the budget?'
    const [finding] = checkLanguage(text)
    if (!finding) throw new Error('no finding')
    expect(applyRewrite(text, finding)).toBe('Can we agree on the budget?')
  })

  it('leaves text alone when it changed since the check, or when there is no rewrite', () => {
    const [finding] = checkLanguage('Can we get alignment on the budget?')
    if (!finding) throw new Error('no finding')
    expect(applyRewrite('Something else entirely, longer than before', finding)).toBe(
      'Something else entirely, longer than before',
    )
    const [plain] = checkLanguage('We lack alignment.')
    if (!plain) throw new Error('no finding')
    expect(applyRewrite('We lack alignment.', plain)).toBe('We lack alignment.')
  })
})
