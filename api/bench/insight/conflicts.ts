import {
  findConflicts,
  matchPriority,
  normalizePriority,
  type PriorityHolder,
  type PriorityTradeoff,
  type RegisteredPriority,
} from '@misalign/shared'

/*
 * A labelled conflict evaluation set (issue #12, point 4), written by hand: a priorities
 * register with aliases, pairs of tradeoffs that truly conflict but are worded differently, and
 * look-alike pairs that must not be flagged (disjoint scopes, compatible orderings, words that
 * only look like a registered priority). Each pair is run on its own through the product's
 * matcher (typed words → priority, or a new priority as a write would create) and the product's
 * conflict detection, and scored against its label.
 */

export const conflictRegister: RegisteredPriority[] = [
  { id: 'privacy', name: 'Privacy by default', aliases: ['data minimisation', 'collect less data', 'user privacy'] },
  { id: 'personal', name: 'Personalisation', aliases: ['tailored recommendations', 'personalised feeds'] },
  { id: 'conversion', name: 'Checkout conversion', aliases: ['conversion rate', 'fewer checkout drop-offs'] },
  { id: 'fraud', name: 'Fraud-check strictness', aliases: ['fraud screening', 'strict fraud checks', 'chargeback prevention'] },
  { id: 'cost', name: 'Lower cloud cost', aliases: ['infrastructure spend', 'cheaper infrastructure', 'cloud bill'] },
  { id: 'fresh', name: 'Data freshness', aliases: ['index freshness', 'real-time data', 'up-to-date search results'] },
  { id: 'speed', name: 'Delivery speed', aliases: ['time to market', 'shipping fast', 'feature velocity'] },
  { id: 'reliability', name: 'Reliability', aliases: ['uptime', 'fewer Sev-1 incidents', 'stability'] },
  { id: 'battery', name: 'Battery life', aliases: ['power efficiency'] },
  { id: 'live', name: 'Real-time updates', aliases: ['live updates', 'instant notifications'] },
  { id: 'security', name: 'Security hardening', aliases: ['least privilege', 'tighter access controls'] },
  { id: 'devx', name: 'Developer convenience', aliases: ['developer experience', 'DX'] },
  { id: 'compat', name: 'Backwards compatibility', aliases: ['not breaking clients', 'API stability'] },
  { id: 'one-api', name: 'One API surface', aliases: ['a single API', 'smaller API surface'] },
  { id: 'perf', name: 'Peak performance', aliases: ['p99 latency', 'fast page loads'] },
]

interface Side {
  prefer: string
  over: string
  /** Team slugs it applies to; null = the whole org. */
  scope: string[] | null
}

interface LabelledPair {
  key: string
  why: string
  a: Side
  b: Side
}

const t = (prefer: string, over: string, scope: string[] | null): Side => ({ prefer, over, scope })

/** Each truly conflicts: the two sides meet in some team, and no two share their spelling of both priorities. */
export const conflictPairs: LabelledPair[] = [
  {
    key: 'privacy-vs-feeds',
    why: 'opposite, via aliases and American spelling',
    a: t('Privacy-by-default', 'personalization', ['growth', 'web']),
    b: t('Tailored recommendations', 'data minimization', ['web']),
  },
  {
    key: 'conversion-vs-fraud',
    why: 'opposite, alias against a typo of the name',
    a: t('conversion rate', 'strict fraud checks', ['checkout']),
    b: t('Fraud screening', 'Checkout conversoin', ['checkout', 'risk']),
  },
  {
    key: 'cost-vs-freshness',
    why: 'opposite, every side an alias',
    a: t('Cheaper infrastructure', 'up-to-date search results', ['search']),
    b: t('Real time data', 'the cloud bill', ['search', 'analytics']),
  },
  {
    key: 'speed-vs-reliability',
    why: 'opposite, a whole-org strategy against one team',
    a: t('Time-to-market', 'Stability', null),
    b: t('UPTIME', 'shipping fast', ['platform']),
  },
  {
    key: 'battery-vs-live',
    why: 'opposite, alias and name with different punctuation',
    a: t('power efficiency', 'live updates', ['mobile']),
    b: t('Instant notifications', 'battery-life', ['mobile']),
  },
  {
    key: 'security-vs-dx',
    why: 'opposite, an acronym alias',
    a: t('Least privilege', 'developer experience', null),
    b: t('DX', 'tighter access controls', ['tools']),
  },
  {
    key: 'api-surface-vs-compat',
    why: 'opposite, plural and word order',
    a: t('a single API', 'not breaking clients', ['payments']),
    b: t('API stability', 'smaller API surfaces', ['payments', 'partners']),
  },
  {
    key: 'cost-given-up-for-speed',
    why: 'competing: one gives up the cost the other prefers',
    a: t('Lower cloud costs', 'peak performance', ['infra']),
    b: t('Feature velocity', 'infrastructure spend', ['infra', 'web']),
  },
  {
    key: 'freshness-given-up-for-performance',
    why: 'competing: performance bought with the freshness the other prefers',
    a: t('fast page loads', 'index freshness', ['search']),
    b: t('Data freshness', 'Cheaper infrastructure', null),
  },
  {
    key: 'reliability-given-up-for-privacy',
    why: 'competing, by way of an alias phrase',
    a: t('Fewer Sev-1 incidents', 'time to market', ['platform']),
    b: t('collect less data', 'stability', ['platform', 'growth']),
  },
]

/** Look-alikes: the same priorities or the same words, but nothing a team is asked to follow both ways. */
export const nonConflictPairs: LabelledPair[] = [
  {
    key: 'privacy-disjoint',
    why: 'opposite priorities, but the two teams never meet',
    a: t('Privacy by default', 'personalisation', ['search']),
    b: t('Personalised feeds', 'user privacy', ['growth']),
  },
  {
    key: 'fraud-disjoint',
    why: 'opposite priorities, disjoint scopes',
    a: t('Checkout conversion', 'fraud-check strictness', ['checkout']),
    b: t('Chargeback prevention', 'conversion rate', ['risk']),
  },
  {
    key: 'cost-competing-disjoint',
    why: 'would compete, but the scopes are disjoint',
    a: t('lower cloud cost', 'peak performance', ['infra']),
    b: t('Shipping fast', 'cloud bill', ['mobile']),
  },
  {
    key: 'privacy-same-order',
    why: 'different words, same ordering: they agree',
    a: t('data minimisation', 'tailored recommendations', null),
    b: t('Privacy by default', 'Personalization', ['growth']),
  },
  {
    key: 'cost-same-order',
    why: 'different words, same ordering: they agree',
    a: t('Lower cloud cost', 'data freshness', ['search']),
    b: t('cloud bill', 'real-time data', ['search']),
  },
  {
    key: 'support-cost-is-not-cloud-cost',
    why: '"support cost" only looks like "lower cloud cost"',
    a: t('lower cloud cost', 'index freshness', ['search']),
    b: t('customer satisfaction', 'support cost', ['search']),
  },
  {
    key: 'battery-of-tests',
    why: '"a battery of tests" is not battery life',
    a: t('battery life', 'live updates', ['mobile']),
    b: t('release safety', 'a full battery of tests', ['mobile']),
  },
  {
    key: 'speed-vs-reliability-disjoint-nested',
    why: 'opposite priorities, each for its own team only',
    a: t('delivery speed', 'reliability', ['web']),
    b: t('Reliability', 'Delivery speed', ['platform']),
  },
]

/** As a write does it: the register's priority for the words, or a new priority named by them. */
function placer() {
  const known = [...conflictRegister]
  return (words: string): string => {
    const match = matchPriority(words, known)
    if (match) return match.priority.id
    const id = `new:${normalizePriority(words)}`
    known.push({ id, name: words.trim(), aliases: [] })
    return id
  }
}

function holdersOf(pair: LabelledPair): PriorityHolder[] {
  const place = placer()
  return (['a', 'b'] as const).map((side) => {
    const s = pair[side]
    const tradeoff: PriorityTradeoff = {
      prefer: s.prefer,
      over: s.over,
      forGoal: 'a goal',
      preferPriorityId: place(s.prefer),
      overPriorityId: place(s.over),
      prioritiesConfirmed: false,
    }
    return { kind: 'strategy', id: `${pair.key}:${side}`, tradeoffs: [tradeoff], scopeTeamIds: s.scope }
  })
}

/** True when the product's conflict detection sets the pair's two sides against each other. */
function isFlagged(pair: LabelledPair): boolean {
  const [a, b] = holdersOf(pair)
  return findConflicts(holdersOf(pair)).some((c) => {
    const ids = [...c.sideA.holders, ...c.sideB.holders].map((h) => h.id)
    return ids.includes(a?.id ?? '') && ids.includes(b?.id ?? '')
  })
}

export async function evaluateConflicts(): Promise<{
  conflicts: number
  found: number
  nonConflicts: number
  falseFlags: number
  misses: string[]
  falseFlagged: string[]
}> {
  const misses = conflictPairs.filter((p) => !isFlagged(p)).map((p) => `${p.key} (${p.why})`)
  const falseFlagged = nonConflictPairs.filter(isFlagged).map((p) => `${p.key} (${p.why})`)
  return {
    conflicts: conflictPairs.length,
    found: conflictPairs.length - misses.length,
    nonConflicts: nonConflictPairs.length,
    falseFlags: falseFlagged.length,
    misses,
    falseFlagged,
  }
}
