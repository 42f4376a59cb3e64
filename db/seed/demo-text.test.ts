import { expandScope, findConflicts, type PriorityHolder, type PriorityTradeoff } from '@misalign/shared'
import { describe, expect, it } from 'vitest'
import { decisionCatalog, givenUpPriorities, preferredPriorities } from './catalog-decisions'
import { priorityDemoStrategies } from './catalog-priorities'
import { tradeoffBank } from './catalog-text'
import { generateOrg } from './generate'
import type { GeneratedOrg } from './types'

/**
 * The demo org is read by leaders and new users before anything else, so its generated text
 * must read as a real engineering org would write it. These checks catch the slips a template
 * makes: wrong articles, doubled words, "1 incidents", lower-case starts, leftover slots, an
 * imperative decision title glued into a sentence, and repeated decisions.
 */

const orgs = [
  generateOrg({ incidents: 3000, seed: 42, today: '2026-06-30' }),
  generateOrg({ incidents: 1500, seed: 7, today: '2026-06-30' }),
]

/** Words spelt with a vowel that start with a consonant sound, and the other way round. */
const consonantSound = /^(one|once|uni|us[aeu]|utili|eu|ubiq)/i
const vowelSound = /^(hour|honest|heir|honou?r)/i

/** Whether a word starts with a vowel sound, as "an" needs. */
export function startsWithVowelSound(word: string): boolean {
  const bare = word.replace(/^["'“(]+/, '')
  if (/^\d/.test(bare)) return /^(8|11|18)(\D|$)|^8\d/.test(bare)
  // Acronyms are read letter by letter: "an SRE", "an API", "a UI".
  if (/^[A-Z][A-Z0-9]+\b/.test(bare) && !/^[A-Z][a-z]/.test(bare)) return /^[AEFHILMNORSX]/.test(bare)
  if (vowelSound.test(bare)) return true
  if (consonantSound.test(bare)) return false
  return /^[aeiou]/i.test(bare)
}

/** Sentence-style slips in one piece of generated text; empty when it reads well. */
export function textSlips(text: string): string[] {
  const slips: string[] = []
  if (/\{\w+\}/.test(text)) slips.push('leftover template slot')
  for (const match of text.matchAll(/\b(a|an)\s+([^\s]+)/gi)) {
    const [, article, word] = match
    if (!article || !word) continue
    const vowel = startsWithVowelSound(word)
    if (article.toLowerCase() === 'a' && vowel) slips.push(`"a ${word}"`)
    if (article.toLowerCase() === 'an' && !vowel) slips.push(`"an ${word}"`)
  }
  const doubled = text.match(/\b(\w+)\s+\1\b/i)
  if (doubled) slips.push(`doubled word "${doubled[0]}"`)
  const single = text.match(/(?<=^|\s)1\s+(?!(?:ms|status|class|process|bus|access|pass)\b)([a-z][\w-]*s)\b/i)
  if (single) slips.push(`"${single[0]}"`)
  // v1, v2 and iOS are spelt in lower case, even at the start of a sentence.
  const lowerStart = /^(?!v\d|iOS)[a-z]/
  if (lowerStart.test(text)) slips.push('lower-case start')
  for (const sentence of text.split(/(?<=[.!?])\s+/).slice(1)) {
    if (lowerStart.test(sentence)) slips.push(`lower-case sentence start "${sentence.slice(0, 30)}"`)
  }
  if (/\banother team (decision|change)\b/i.test(text)) slips.push('"another team" used as a name')
  if (/\bIOS\b/.test(text)) slips.push('"IOS" for iOS')
  return slips
}

describe('grammar checks', () => {
  it('flags the slips a template makes and passes plain sentences', () => {
    expect(textSlips('Play Store rollout blocked by a another team change')).not.toEqual([])
    expect(textSlips('Dashboards blocked by a Observability change')).not.toEqual([])
    expect(textSlips('IOS app slipped')).not.toEqual([])
    expect(textSlips('Cut the Sev-1 incidents by half')).toEqual([])
    expect(textSlips('another team decision on the shared platform undid our billing exports work')).not.toEqual([])
    expect(textSlips('We lost 1 engineer-days')).not.toEqual([])
    expect(textSlips('Rework on the the cart')).not.toEqual([])
    expect(textSlips('Rework on the {asset}')).not.toEqual([])
    expect(textSlips('It broke. then it broke again.')).not.toEqual([])
    expect(textSlips('An SRE change broke a unique index on an iOS build, an hour before a 15-minute window')).toEqual([])
    expect(textSlips('v1 payments API sunset broke the cart')).toEqual([])
  })
})

/** The holders the leadership review reads: published strategies over their teams, active decisions over owner and audience. */
function holders(org: GeneratedOrg): PriorityHolder[] {
  const teams = org.teams.map((t) => ({ id: t.id, parentTeamId: t.parentTeamId ?? null }))
  const strategies = org.strategies.filter((s) => s.status === 'published')
  const decisions = org.decisions.filter((d) => (d.status ?? 'active') === 'active' && d.tradeoffPrefer)
  return [
    ...strategies.map((s) => ({
      kind: 'strategy' as const,
      id: s.id,
      tradeoffs: s.tradeoffs as PriorityTradeoff[],
      scopeTeamIds: expandScope(s.scopeTeamIds ?? [], teams),
    })),
    ...decisions.map((d) => ({
      kind: 'decision' as const,
      id: d.id,
      tradeoffs: [
        {
          prefer: d.tradeoffPrefer ?? '',
          over: d.tradeoffOver ?? '',
          forGoal: d.tradeoffForGoal ?? '',
          preferPriorityId: d.tradeoffPreferPriorityId ?? null,
          overPriorityId: d.tradeoffOverPriorityId ?? null,
        },
      ],
      scopeTeamIds: [...new Set([d.owningTeamId, ...(d.sharedWithTeamIds ?? [])])],
    })),
  ]
}

describe('the decision catalogue', () => {
  it('orders priorities one way only, as the background strategies do', () => {
    const preferred: readonly string[] = preferredPriorities
    const givenUp: readonly string[] = givenUpPriorities
    const tradeoffs = [...Object.values(decisionCatalog).flatMap((list) => list.map((d) => d.tradeoff)), ...tradeoffBank]
    for (const t of tradeoffs) {
      if (!t) continue
      expect(preferred, `${t.prefer} over ${t.over}`).toContain(t.prefer)
      expect(givenUp, `${t.prefer} over ${t.over}`).toContain(t.over)
    }
  })
})

describe.each(orgs.map((org) => [org.options.seed, org] as const))('the demo org of seed %i', (_seed, org) => {
  const incidents = [...org.incidents()]
  const decisionById = new Map(org.decisions.map((d) => [d.id, d]))

  it('writes incident titles and narratives without grammar slips', () => {
    const slips = incidents.flatMap((i) =>
      [i.title, i.narrative, i.expected, i.missingContext].flatMap((text) =>
        textSlips(text).map((s) => `MIS-${i.number} ${s}: ${text}`),
      ),
    )
    expect(slips.slice(0, 10)).toEqual([])
  })

  it('never glues an imperative decision title into an incident title', () => {
    const glued = incidents.filter((i) => {
      const title = i.decisionId ? decisionById.get(i.decisionId)?.title : undefined
      if (!title) return false
      const at = i.title.toLowerCase().indexOf(title.toLowerCase())
      if (at < 0) return false
      // Referring to it as "the decision to …" or quoting it reads well.
      const before = i.title.slice(0, at)
      return !/(decision|decided|plan|move) to $/i.test(before) && !/["“]$/.test(before)
    })
    expect(glued.map((i) => i.title).slice(0, 10)).toEqual([])
  })

  it('writes decision titles and tradeoffs without slips, and never the same decision twice', () => {
    const slips = org.decisions.flatMap((d) =>
      [d.title, d.summary ?? ''].flatMap((text) => textSlips(text).map((s) => `${s}: ${text}`)),
    )
    expect(slips.slice(0, 10)).toEqual([])
    const titles = org.decisions.map((d) => d.title.toLowerCase())
    expect(titles.filter((t, i) => titles.indexOf(t) !== i)).toEqual([])
    for (const d of org.decisions) {
      if (!d.tradeoffPrefer) continue
      const tradeoff = `We prefer ${d.tradeoffPrefer} over ${d.tradeoffOver}. Goal: ${d.tradeoffForGoal}.`
      expect(textSlips(tradeoff), tradeoff).toEqual([])
      expect(d.tradeoffPrefer.toLowerCase()).not.toBe(d.tradeoffOver?.toLowerCase())
      // Both sides are names from the priorities register, not words it had to invent a priority for.
      expect(d.tradeoffPrioritiesConfirmed, tradeoff).toBe(true)
    }
  })

  it('adds no conflicting priorities beyond the planted ones', () => {
    // Only the planted conflict and the register's demo strategies may take part in a conflict.
    const designed = new Set([
      ...org.planted.conflictingPriorities.strategyIds,
      ...org.planted.conflictingPriorities.decisionIds,
      ...org.strategies.filter((s) => priorityDemoStrategies.some((d) => d.title === s.title)).map((s) => s.id),
    ])
    const unplanned = findConflicts(holders(org)).filter(
      (c) => ![...c.sideA.holders, ...c.sideB.holders].some((h) => designed.has(h.id)),
    )
    expect(
      unplanned.map((c) => `${c.kind}: ${c.sideA.prefer} over ${c.sideA.over} / ${c.sideB.prefer} over ${c.sideB.over}`),
    ).toEqual([])
  })

  it('gives every closed gap its reason or the strategy that closed it', () => {
    for (const gap of org.gaps) {
      if (gap.status === 'wont_fix') expect(gap.wontFixReason?.trim(), gap.title).toBeTruthy()
      if (gap.status === 'published' || gap.status === 'verified') expect(gap.addressedByStrategyId, gap.title).toBeTruthy()
      expect(textSlips(gap.title), gap.title).toEqual([])
    }
  })

  it('gives every incident past triage a root cause', () => {
    const unanalysed = incidents.filter((i) => i.status !== 'open' && i.rootCause === 'unknown')
    expect(unanalysed.map((i) => `MIS-${i.number} ${i.status}`).slice(0, 10)).toEqual([])
  })
})
