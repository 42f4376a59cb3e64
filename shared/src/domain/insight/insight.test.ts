import { describe, expect, it } from 'vitest'
import { conceptsOf } from './concepts'
import {
  type CorpusDecision,
  type CorpusIncident,
  type DecisionGuess,
  type Draft,
  groupingDecision,
  type InsightCorpus,
  rankDecisions,
  rankSimilar,
} from './rank'
import { decisionFields, draftWords, incidentFields, TermTable, TextIndex } from './text-index'
import { top } from './top'

const report = (title: string, narrative = '') => ({ title, narrative, expected: '', missingContext: '' })

describe('TermTable and TextIndex', () => {
  it('stems words and adds the concepts they belong to', () => {
    const terms = new TermTable()
    const counts = terms.count([['Logged out again after the deprecation', 1]], true)
    const names = [...counts.keys()].map((id) => terms.name(id))
    expect(names).toEqual(expect.arrayContaining(['log', 'deprec', '~auth', '~removal']))
    expect(names).not.toContain('the')
    expect(conceptsOf('logout')).toContain('auth')
  })

  it('ranks the report sharing rare words first, and scores a report against itself near 1', () => {
    const terms = new TermTable()
    const index = new TextIndex(terms)
    const docs = [
      report('Checkout times out at the payment step'),
      report('Search results are empty for accented queries'),
      report('Nightly export to the warehouse arrives hours late'),
    ].map((r) => index.add(terms.count(incidentFields(r), true)))
    const query = terms.count(incidentFields(report('Warehouse export late again')), false)
    const scores = index.search(query)
    const best = [...scores].sort((a, b) => b[1] - a[1])[0]
    expect(best?.[0]).toBe(docs[2])
    const self = index.search(terms.count(incidentFields(report('Checkout times out at the payment step')), false))
    expect(self.get(docs[0] as number)).toBeGreaterThan(0.9)
  })

  it('joins reports with no word in common through a shared concept', () => {
    const terms = new TermTable()
    const index = new TextIndex(terms)
    const doc = index.add(terms.count(incidentFields(report('Agents bounced to the login page')), true))
    index.add(terms.count(incidentFields(report('Thumbnails blurry on product pages')), true))
    const scores = index.search(terms.count(incidentFields(report('SSO session keeps ending')), false))
    expect(scores.get(doc)).toBeGreaterThan(0)
  })

  it('forgets a removed document', () => {
    const terms = new TermTable()
    const index = new TextIndex(terms)
    const doc = index.add(terms.count(incidentFields(report('Quota exceeded on uploads')), true))
    index.remove(doc)
    expect(index.search(terms.count(incidentFields(report('upload quota')), false)).size).toBe(0)
  })
})

/** A tiny corpus: two decisions, reports naming them. */
function corpus() {
  const terms = new TermTable()
  const incidents = new TextIndex(terms)
  const decisions = new TextIndex(terms)
  const profiles = new TextIndex(terms)
  const decisionRows: CorpusDecision[] = [
    { id: 'sessions', owningTeamId: 'identity', decidedDay: 100 },
    { id: 'images', owningTeamId: 'edge', decidedDay: 100 },
  ]
  const decisionTexts = [
    { title: 'Idle sessions expire after 15 minutes', summary: 'Shorter idle timeout for web sessions.' },
    { title: 'Product images move to a new CDN', summary: 'Aggressive caching of images.' },
  ]
  const incidentRows: CorpusIncident[] = []
  const named: Record<string, number[]> = { sessions: [], images: [] }
  const reports: [string, string][] = [
    ['sessions', 'Support agents logged out every few minutes'],
    ['sessions', 'Warehouse scanners sign out mid-shift'],
    ['images', 'Stale thumbnails for a day after edits'],
  ]
  for (const [decisionId, title] of reports) {
    const doc = incidents.add(terms.count(incidentFields(report(title)), true))
    incidentRows[doc] = { decisionId, gapId: null, decisionOwnerTeamId: null, reportingTeamId: 'care', day: 120 }
    named[decisionId]?.push(doc)
  }
  // An unnamed report sharing no word with the register, which the index guessed belongs to sessions.
  const unnamed = incidents.add(terms.count(incidentFields(report('Call centre headsets drop the CRM hourly')), true))
  incidentRows[unnamed] = { decisionId: null, gapId: null, decisionOwnerTeamId: null, reportingTeamId: 'care', day: 121 }
  const guesses = new Map<number, DecisionGuess | null>([[unnamed, { decisionId: 'sessions', score: 0.4, lead: 0.3 }]])
  decisionTexts.forEach((d, k) => {
    const own = terms.count(decisionFields(d), true)
    decisions.add(own)
    const profile = new Map(own)
    for (const doc of named[decisionRows[k]?.id ?? ''] ?? [])
      for (const [term, tf] of terms.count(incidentFields(report(reports[doc]?.[1] ?? '')), true))
        profile.set(term, (profile.get(term) ?? 0) + tf / 2)
    profiles.add(profile)
  })
  const c: InsightCorpus = {
    incidents,
    decisions,
    profiles,
    incidentAt: (doc) => incidentRows[doc],
    decisionAt: (doc) => decisionRows[doc],
    decisionDoc: (id) => decisionRows.findIndex((d) => d.id === id),
    incidentsOf: (id) => named[id] ?? [],
    guessOf: (doc) => guesses.get(doc),
    guessedIncidentsOf: (id) => [...guesses].flatMap(([doc, g]) => (g?.decisionId === id ? [doc] : [])),
  }
  const draft = (title: string, extra: Partial<Draft> = {}, narrative = ''): Draft => ({
    ...draftWords(terms, report(title, narrative)),
    decisionId: null,
    gapId: null,
    decisionOwnerTeamId: null,
    reportingTeamId: null,
    day: 130,
    ...extra,
  })
  return { c, draft }
}

describe('rankDecisions', () => {
  it('suggests the decision whose reports read like the draft, with reasons', () => {
    const { c, draft } = corpus()
    const [first] = rankDecisions(c, draft('Pickers have to log in again, scanners sign out'))
    expect(c.decisionAt(first?.decision ?? -1)?.id).toBe('sessions')
    expect(first?.reasons).toContain('decided_before_discovery')
  })

  it('pushes down a decision taken after the discovery, and one the suspected owner did not take', () => {
    const { c, draft } = corpus()
    const before = rankDecisions(c, draft('logged out sessions', { day: 130 }))
    const after = rankDecisions(c, draft('logged out sessions', { day: 50 }))
    expect(after[0]?.score ?? 0).toBeLessThan(before[0]?.score ?? 0)
    const wrongOwner = rankDecisions(c, draft('logged out sessions', { decisionOwnerTeamId: 'edge' }))
    const rightOwner = rankDecisions(c, draft('logged out sessions', { decisionOwnerTeamId: 'identity' }))
    expect(rightOwner[0]?.reasons).toContain('same_owner_team')
    expect(rightOwner[0]?.score ?? 0).toBeGreaterThan(wrongOwner.find((r) => r.decision === 0)?.score ?? 0)
  })

  it('pushes down the decision the reporter rules out in their own words', () => {
    const { c, draft } = corpus()
    const title = 'Thumbnails and sessions both look wrong'
    const plain = rankDecisions(c, draft(title))
    const ruledOut = rankDecisions(
      c,
      draft(title, {}, 'We assumed the new CDN caching of images, but it was our own upload bug.'),
    )
    const images = (ranked: typeof plain) => ranked.find((r) => c.decisionAt(r.decision)?.id === 'images')?.score ?? 0
    expect(images(ruledOut)).toBeLessThan(images(plain) - 0.3)
  })

  it('prefers, among decisions the words fit, the one taken shortly before the discovery', () => {
    const { c, draft } = corpus()
    const soon = rankDecisions(c, draft('logged out sessions', { day: 110 }))
    const late = rankDecisions(c, draft('logged out sessions', { day: 800 }))
    expect(soon[0]?.score ?? 0).toBeGreaterThan(late[0]?.score ?? 0)
    // Time alone offers nothing: a draft sharing no word with any decision gets no suggestion.
    expect(rankDecisions(c, draft('Quarterly tax filing for Estonia', { day: 101 }))).toEqual([])
  })

  it('calls only the first suggestion likely', () => {
    const { c, draft } = corpus()
    const ranked = rankDecisions(
      c,
      draft('Agents logged out, sessions expire, idle timeout', { decisionOwnerTeamId: 'identity' }),
    )
    expect(ranked.slice(1).every((r) => r.confidence === 'possible')).toBe(true)
  })
})

describe('rankSimilar', () => {
  it('offers reports of the decision the draft points at, even without shared words', () => {
    const { c, draft } = corpus()
    const ranked = rankSimilar(c, draft('Idle timeout bites our agents', { decisionOwnerTeamId: 'identity' }))
    const ids = ranked.map((r) => c.incidentAt(r.incident)?.decisionId)
    expect(ids[0]).toBe('sessions')
    expect(ranked.every((r) => ['likely', 'possible'].includes(r.confidence))).toBe(true)
  })

  it("offers an unnamed report through the index's guess at its decision", () => {
    const { c, draft } = corpus()
    const ranked = rankSimilar(c, draft('Idle timeout bites our agents', { decisionOwnerTeamId: 'identity' }))
    const unnamed = ranked.find((r) => c.incidentAt(r.incident)?.decisionId === null)
    expect(unnamed?.reasons).toContain('similar_incidents')
  })

  it('shows a reporter who names no decision at most two reports of one decision in the top three', () => {
    const { c, draft } = corpus()
    const ranked = rankSimilar(c, draft('Agents logged out, scanners sign out, stale thumbnails'))
    const top = ranked.slice(0, 3).map((r) => c.incidentAt(r.incident)?.decisionId)
    expect(top.filter((id) => id === 'sessions').length).toBeLessThanOrEqual(2)
    expect(ranked.length).toBeGreaterThanOrEqual(3)
  })

  it('returns nothing when nothing is close', () => {
    const { c, draft } = corpus()
    expect(rankSimilar(c, draft('Quarterly tax filing for Estonia'))).toEqual([])
  })
})

describe('groupingDecision', () => {
  const guess = (score: number, lead: number) => ({ decisionId: 'd1', score, lead })

  it('needs a confident guess to join a decision other reports name', () => {
    expect(groupingDecision(guess(0.3, 0.1), 2)).toBeNull()
    expect(groupingDecision(guess(0.55, 0.35), 2)).toBe('d1')
  })

  it('takes a plausible guess with a lead for a decision nobody names yet', () => {
    expect(groupingDecision(guess(0.3, 0.1), 0)).toBe('d1')
    expect(groupingDecision(guess(0.3, 0.01), 0)).toBeNull()
    expect(groupingDecision(guess(0.15, 0.15), 0)).toBeNull()
    expect(groupingDecision(null, 0)).toBeNull()
  })
})

describe('top', () => {
  it('keeps the n best pairs, best first, lower document first on a tie, like a full sort', () => {
    const entries: [number, number][] = Array.from({ length: 500 }, (_, doc) => [doc, ((doc * 7919) % 97) / 97])
    const sorted = [...entries].sort((a, b) => b[1] - a[1] || a[0] - b[0])
    for (const n of [0, 1, 8, 200, 600]) expect(top(entries, n)).toEqual(sorted.slice(0, n))
  })
})
