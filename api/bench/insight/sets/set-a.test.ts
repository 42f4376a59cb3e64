import { describe, expect, it } from 'vitest'
import { setA } from './set-a'
import type { Story } from './types'

const teamSlugs = new Set(setA.teams.map((t) => t.slug))
const decisionsByKey = new Map(setA.decisions.map((d) => [d.key, d]))
const withTruth = setA.stories.filter((s): s is Story & { truthDecision: string } => s.truthDecision !== null)
const storiesByDecision = new Map<string, Story[]>()
for (const story of withTruth) {
  const list = storiesByDecision.get(story.truthDecision) ?? []
  list.push(story)
  storiesByDecision.set(story.truthDecision, list)
}
const hiddenKeys = [...storiesByDecision.keys()]
const distractors = setA.decisions.filter((d) => !storiesByDecision.has(d.key))
const singletons = setA.stories.filter((s) => s.truthDecision === null && s.trapFor === undefined)
const traps = setA.stories.filter((s) => s.trapFor !== undefined)

const isoDate = /^\d{4}-\d{2}-\d{2}$/

/** Sum of harm × surprise over the stories of a gap's decisions. */
const gapScore = (decisionKeys: string[]): number =>
  decisionKeys.flatMap((k) => storiesByDecision.get(k) ?? []).reduce((sum, s) => sum + s.harm * s.surprise, 0)

describe('set-a integrity', () => {
  it('has unique keys and slugs', () => {
    for (const list of [
      setA.teams.map((t) => t.slug),
      setA.decisions.map((d) => d.key),
      setA.gaps.map((g) => g.key),
      setA.stories.map((s) => s.key),
    ]) {
      expect(new Set(list).size).toBe(list.length)
    }
  })

  it('has an org of 14-20 teams whose parents resolve', () => {
    expect(setA.teams.length).toBeGreaterThanOrEqual(14)
    expect(setA.teams.length).toBeLessThanOrEqual(20)
    for (const team of setA.teams) {
      if (team.parentSlug !== undefined) expect(teamSlugs.has(team.parentSlug), team.slug).toBe(true)
    }
  })

  it('resolves every team, decision and gap reference', () => {
    for (const d of setA.decisions) {
      expect(teamSlugs.has(d.owningTeam), d.key).toBe(true)
      expect(d.decidedAt, d.key).toMatch(isoDate)
      for (const slug of d.sharedWithTeams ?? []) expect(teamSlugs.has(slug), `${d.key} → ${slug}`).toBe(true)
    }
    for (const g of setA.gaps) {
      expect(g.decisionKeys.length, g.key).toBeGreaterThanOrEqual(1)
      expect(g.decisionKeys.length, g.key).toBeLessThanOrEqual(4)
      for (const k of g.decisionKeys) expect(decisionsByKey.has(k), `${g.key} → ${k}`).toBe(true)
    }
    for (const s of setA.stories) {
      expect(teamSlugs.has(s.reportingTeam), s.key).toBe(true)
      expect(s.discoveredAt, s.key).toMatch(isoDate)
      if (s.suspectedOwnerTeam !== null) expect(teamSlugs.has(s.suspectedOwnerTeam), s.key).toBe(true)
      if (s.truthDecision !== null) expect(decisionsByKey.has(s.truthDecision), s.key).toBe(true)
      if (s.trapFor !== undefined) {
        expect(decisionsByKey.has(s.trapFor), s.key).toBe(true)
        expect(s.trapFor, s.key).not.toBe(s.truthDecision)
      }
      if (s.truthDecision === null) expect(s.namesDecision, s.key).toBe(false)
    }
  })

  it('dates every discovery on or after its decision', () => {
    for (const s of withTruth) {
      const decision = decisionsByKey.get(s.truthDecision)
      expect(s.discoveredAt >= (decision?.decidedAt ?? ''), s.key).toBe(true)
    }
  })

  it('tells each hidden decision through 3-8 stories from 3+ teams, never the owner', () => {
    expect(hiddenKeys.length).toBeGreaterThanOrEqual(13)
    for (const [key, stories] of storiesByDecision) {
      const owner = decisionsByKey.get(key)?.owningTeam
      expect(stories.length, key).toBeGreaterThanOrEqual(3)
      expect(stories.length, key).toBeLessThanOrEqual(8)
      expect(new Set(stories.map((s) => s.reportingTeam)).size, key).toBeGreaterThanOrEqual(3)
      for (const s of stories) expect(s.reportingTeam, s.key).not.toBe(owner)
    }
  })

  it('leaves 28-40% of decision stories without a named decision', () => {
    const unnamed = withTruth.filter((s) => !s.namesDecision).length
    const share = unnamed / withTruth.length
    expect(share).toBeGreaterThanOrEqual(0.28)
    expect(share).toBeLessThanOrEqual(0.4)
  })

  it('meets the minimum counts of singletons, traps and distractors', () => {
    expect(singletons.length).toBeGreaterThanOrEqual(12)
    for (const s of singletons) expect(s.namesDecision, s.key).toBe(false)
    expect(traps.length).toBeGreaterThanOrEqual(8)
    expect(distractors.length).toBeGreaterThanOrEqual(6)
    expect(setA.gaps.length).toBeGreaterThanOrEqual(5)
    expect(setA.gaps.length).toBeLessThanOrEqual(7)
    expect(setA.stories.length).toBeGreaterThanOrEqual(80)
    expect(setA.stories.length).toBeLessThanOrEqual(120)
  })

  it("never quotes a story's decision key or title", () => {
    for (const s of withTruth) {
      const decision = decisionsByKey.get(s.truthDecision)
      const text = [s.title, s.narrative, s.expected, s.harmedGoal, s.missingContext].join('\n').toLowerCase()
      expect(text.includes(s.truthDecision.toLowerCase()), s.key).toBe(false)
      expect(text.includes((decision?.title ?? '').toLowerCase()), s.key).toBe(false)
    }
  })

  it('has the untied top 3 gaps stated in the file header', () => {
    const ranked = setA.gaps.map((g) => ({ key: g.key, score: gapScore(g.decisionKeys) })).sort((a, b) => b.score - a.score)
    const scores = ranked.map((g) => g.score)
    expect(scores.slice(0, 4)).toEqual([181, 169, 146, 119])
    expect(ranked.slice(0, 3).map((g) => g.key)).toEqual([
      'gap-data-freshness',
      'gap-conversion-vs-risk',
      'gap-payment-provider-changes',
    ])
  })
})
