import { describe, expect, it } from 'vitest'
import { setB } from './set-b'
import type { Story } from './types'

const set = setB
const teamSlugs = new Set(set.teams.map((t) => t.slug))
const decisionByKey = new Map(set.decisions.map((d) => [d.key, d]))
const storiesOf = (key: string) => set.stories.filter((s) => s.truthDecision === key)
const hiddenKeys = set.decisions.filter((d) => storiesOf(d.key).length > 0).map((d) => d.key)
const distractorKeys = set.decisions.filter((d) => storiesOf(d.key).length === 0).map((d) => d.key)
const isoDate = /^\d{4}-\d{2}-\d{2}$/
const texts = (s: Story) => [s.title, s.narrative, s.expected, s.harmedGoal, s.missingContext]
const weighted = (key: string) => storiesOf(key).reduce((sum, s) => sum + s.harm * s.surprise, 0)

const expectUnique = (values: string[]) => expect(values.filter((v, i) => values.indexOf(v) !== i)).toEqual([])

describe('set-b integrity', () => {
  it('has unique keys everywhere', () => {
    expectUnique(set.teams.map((t) => t.slug))
    expectUnique(set.decisions.map((d) => d.key))
    expectUnique(set.gaps.map((g) => g.key))
    expectUnique(set.stories.map((s) => s.key))
  })

  it('has the intended size', () => {
    expect(set.teams.length).toBeGreaterThanOrEqual(14)
    expect(set.teams.length).toBeLessThanOrEqual(20)
    expect(set.teams.some((t) => t.parentSlug)).toBe(true)
    expect(set.stories.length).toBeGreaterThanOrEqual(80)
    expect(set.stories.length).toBeLessThanOrEqual(120)
  })

  it('resolves every team, decision and gap reference', () => {
    for (const t of set.teams) if (t.parentSlug) expect(teamSlugs, t.slug).toContain(t.parentSlug)
    for (const d of set.decisions) {
      expect(teamSlugs, d.key).toContain(d.owningTeam)
      for (const slug of d.sharedWithTeams ?? []) expect(teamSlugs, d.key).toContain(slug)
      expect(d.decidedAt, d.key).toMatch(isoDate)
    }
    for (const g of set.gaps) {
      expect(g.decisionKeys.length, g.key).toBeGreaterThanOrEqual(1)
      expect(g.decisionKeys.length, g.key).toBeLessThanOrEqual(4)
      for (const k of g.decisionKeys) expect(decisionByKey.has(k), `${g.key} → ${k}`).toBe(true)
    }
    for (const s of set.stories) {
      expect(teamSlugs, s.key).toContain(s.reportingTeam)
      if (s.suspectedOwnerTeam) expect(teamSlugs, s.key).toContain(s.suspectedOwnerTeam)
      if (s.truthDecision) expect(decisionByKey.has(s.truthDecision), s.key).toBe(true)
      if (s.trapFor) expect(decisionByKey.has(s.trapFor), s.key).toBe(true)
      expect(s.discoveredAt, s.key).toMatch(isoDate)
    }
  })

  it('discovers every story on or after its decision was made', () => {
    for (const s of set.stories) {
      const d = s.truthDecision ? decisionByKey.get(s.truthDecision) : undefined
      if (d) expect(s.discoveredAt >= d.decidedAt, `${s.key} ${s.discoveredAt} < ${d.decidedAt}`).toBe(true)
    }
  })

  it('tells every hidden decision through 3–8 stories from at least 3 other teams', () => {
    expect(hiddenKeys.length).toBeGreaterThanOrEqual(13)
    for (const key of hiddenKeys) {
      const stories = storiesOf(key)
      const owner = decisionByKey.get(key)?.owningTeam
      expect(stories.length, key).toBeGreaterThanOrEqual(3)
      expect(stories.length, key).toBeLessThanOrEqual(8)
      expect(new Set(stories.map((s) => s.reportingTeam)).size, key).toBeGreaterThanOrEqual(3)
      for (const s of stories) expect(s.reportingTeam, `${s.key} is filed by the owning team`).not.toBe(owner)
    }
  })

  it('leaves 28–40% of the stories with a decision unnamed', () => {
    const withTruth = set.stories.filter((s) => s.truthDecision)
    const unnamed = withTruth.filter((s) => !s.namesDecision)
    const share = unnamed.length / withTruth.length
    expect(share).toBeGreaterThanOrEqual(0.28)
    expect(share).toBeLessThanOrEqual(0.4)
    // Some unnamed reports suspect an owner, some do not.
    expect(unnamed.some((s) => s.suspectedOwnerTeam)).toBe(true)
    expect(unnamed.some((s) => !s.suspectedOwnerTeam)).toBe(true)
    for (const s of set.stories) if (s.namesDecision) expect(s.truthDecision, s.key).not.toBeNull()
  })

  it('has enough singletons, traps and distractors', () => {
    const singletons = set.stories.filter((s) => s.truthDecision === null && !s.trapFor)
    for (const s of singletons) expect(s.namesDecision, s.key).toBe(false)
    expect(singletons.length).toBeGreaterThanOrEqual(12)

    const traps = set.stories.filter((s) => s.trapFor)
    expect(traps.length).toBeGreaterThanOrEqual(8)
    for (const s of traps) {
      expect(hiddenKeys, s.key).toContain(s.trapFor)
      expect(s.truthDecision, s.key).not.toBe(s.trapFor)
    }

    expect(distractorKeys.length).toBeGreaterThanOrEqual(6)
  })

  it('never quotes a decision key or title in its own stories', () => {
    for (const s of set.stories) {
      const d = s.truthDecision ? decisionByKey.get(s.truthDecision) : undefined
      if (!d) continue
      for (const text of texts(s)) {
        expect(text.toLowerCase(), s.key).not.toContain(d.key.toLowerCase())
        expect(text.toLowerCase(), s.key).not.toContain(d.title.toLowerCase())
      }
    }
  })

  it('has 5–7 gaps with a clear, untied top 3 by summed harm × surprise', () => {
    expect(set.gaps.length).toBeGreaterThanOrEqual(5)
    expect(set.gaps.length).toBeLessThanOrEqual(7)
    const ranked = set.gaps
      .map((g) => ({ key: g.key, score: g.decisionKeys.reduce((sum, k) => sum + weighted(k), 0) }))
      .sort((a, b) => b.score - a.score)
    expect(ranked.slice(0, 3).map((g) => g.key)).toEqual([
      'gap-enterprise-it-contract',
      'gap-customer-visible-defaults',
      'gap-credential-lifecycle',
    ])
    const scores = ranked.map((g) => g.score)
    for (let i = 0; i < 3; i++) expect(scores[i]).toBeGreaterThan(scores[i + 1] ?? 0)
  })
})
