import type { Tradeoff } from '@misalign/shared'
import type { Calendar } from './calendar'
import { agreementNotes, decisionCatalog, fallbackDecision } from './catalog-decisions'
import { clusterTopics, conflictStory } from './catalog-planted'
import { lowerFirst } from './catalog-text'
import { formatDay, timestampOn } from './dates'
import { type People, teamId } from './org-people'
import type { Rng } from './prng'
import type { DecisionSeed, TeamSeed } from './types'

/** What the incident builder needs to know about a decision beyond its row. */
export interface DecisionMeta {
  id: string
  ownerId: string
  ownerName: string
  /** decidedAt as a day number. */
  day: number
  title: string
  subject: string
  tradeoff: Tradeoff | null
}

export interface DecisionBook {
  rows: DecisionSeed[]
  /** Background decisions per owning team, by decidedAt: the planted ones are kept out of the draw. */
  byOwner: Map<string, DecisionMeta[]>
  clusterDecisions: DecisionMeta[]
  conflictDecisions: [DecisionMeta, DecisionMeta]
}

/** A tradeoff as a decision's summary states it; goals read as people write them, so after a colon. */
function statedTradeoff(t: Tradeoff): string {
  return `We prefer ${t.prefer} over ${t.over}. Goal: ${t.forGoal}.`
}

/** A few hundred at demo size, growing with the square root of the incidents, capped at 5,000. */
export function decisionCount(incidents: number): number {
  return Math.min(5000, Math.max(60, Math.round(6 * Math.sqrt(incidents))))
}

export function buildDecisions(rng: Rng, people: People, calendar: Calendar, incidents: number): DecisionBook {
  const rows: DecisionSeed[] = []
  const todayDay = calendar.todayDay
  const nameOf = new Map(people.teams.map((t) => [t.id, t.name]))

  const siblingsOf = (team: TeamSeed) => people.teams.filter((t) => t.parentTeamId === team.parentTeamId && t.id !== team.id)
  const sharedWith = (owner: TeamSeed, exclude: readonly string[]): string[] => {
    const pool = [...rng.sample(siblingsOf(owner), rng.int(0, 4)), ...rng.sample(people.workingTeams, rng.int(0, 2))]
    return [...new Set(pool.map((t) => t.id))].filter((id) => id !== owner.id && !exclude.includes(id))
  }

  const add = (
    owner: TeamSeed,
    day: number,
    title: string,
    subject: string,
    tradeoff: Tradeoff | null,
    summary: string,
    shared: string[],
  ) => {
    const recorded = Math.min(todayDay - 1, day + rng.int(0, 7))
    const createdAt = timestampOn(recorded, 14 * 60 + rng.int(0, 180))
    const row: DecisionSeed = {
      id: rng.uuid(),
      title,
      summary,
      owningTeamId: owner.id,
      decidedAt: formatDay(day),
      link: rng.chance(0.35) ? `https://wiki.example.com/decisions/${owner.slug}/${rows.length + 1}` : null,
      status: 'active',
      supersededById: null,
      sharedWithTeamIds: shared,
      tradeoffPrefer: tradeoff?.prefer ?? null,
      tradeoffOver: tradeoff?.over ?? null,
      tradeoffForGoal: tradeoff?.forGoal ?? null,
      createdAt,
      updatedAt: createdAt,
    }
    rows.push(row)
    const meta: DecisionMeta = { id: row.id, ownerId: owner.id, ownerName: owner.name, day, title, subject, tradeoff }
    return meta
  }

  const team = (slug: string): TeamSeed => {
    const found = people.teamBySlug.get(slug)
    if (!found) throw new Error(`seed catalog names an unknown team "${slug}"`)
    return found
  }

  // Planted: the recurring decisions behind the true clusters. Hidden ones were not shared with the teams they hurt.
  const clusterDecisions = clusterTopics.map((topic) => {
    const owner = team(topic.owner)
    const reporters = topic.reporters.map((slug) => teamId(people, slug))
    const shared =
      topic.rootCause === 'hidden_decision'
        ? sharedWith(owner, reporters)
        : [...new Set([...sharedWith(owner, []), ...reporters])]
    const subject = people.specBySlug.get(topic.owner)?.subjects[0] ?? topic.label
    return add(
      owner,
      calendar.startDay + topic.decidedOffset,
      topic.decision.title,
      subject,
      topic.decision.tradeoff,
      topic.decision.summary,
      shared,
    )
  })

  // Planted: two decisions whose tradeoffs contradict each other.
  const [sideA, sideB] = conflictStory.sides.map((side) => {
    const owner = team(side.team)
    const summary = `${side.decisionTitle}. ${statedTradeoff(side.tradeoff)}`
    return add(
      owner,
      calendar.startDay + side.decidedOffset,
      side.decisionTitle,
      side.tradeoff.prefer,
      side.tradeoff,
      summary,
      sharedWith(owner, []),
    )
  })
  if (!sideA || !sideB) throw new Error('the conflict story needs two sides')

  // Background: owners weighted by size; groups decide too, less often. Each team decides from
  // its own catalogue, each entry once, so no decision repeats and every title fits its team.
  const owners = people.teams.filter((t) => t.parentTeamId !== null)
  const ownerWeights = owners.map((t) => {
    const members = people.membersByTeam.get(t.id)?.length ?? 0
    return people.specBySlug.get(t.slug)?.level === 'group' ? 3 : members
  })
  const unused = new Map(owners.map((t) => [t.id, [...(decisionCatalog[t.slug] ?? [fallbackDecision])]]))
  const byOwner = new Map<string, DecisionMeta[]>(people.teams.map((t) => [t.id, []]))
  const total = decisionCount(incidents)
  let round = 1
  for (let i = rows.length; i < total; i++) {
    // A team that has used its whole catalogue passes the draw on; once every team has, a
    // large bench org goes round again with revised decisions (never at demo size).
    const weights = ownerWeights.map((w, k) => ((unused.get(owners[k]?.id ?? '')?.length ?? 0) > 0 ? w : 0))
    if (!weights.some((w) => w > 0)) {
      round++
      for (const t of owners) unused.set(t.id, [...(decisionCatalog[t.slug] ?? [fallbackDecision])])
      i--
      continue
    }
    const owner = rng.weighted(owners, weights)
    const left = unused.get(owner.id) ?? []
    const [spec] = left.splice(rng.int(0, left.length - 1), 1)
    if (!spec) {
      i--
      continue
    }
    // Most decisions fall in the year (with planning seasons), some before it.
    const offset = rng.chance(0.15) ? -rng.int(1, 180) : calendar.offsetAtQuantile(rng.float())
    const day = calendar.startDay + offset
    const title = round === 1 ? spec.title : `${spec.title} (revision ${round})`
    // About 45% of decisions state their tradeoff; most catalogue entries have one to state.
    const tradeoff = rng.chance(0.6) ? spec.tradeoff : null
    const why = tradeoff ? statedTradeoff(tradeoff) : rng.pick(agreementNotes)
    const summary = `${nameOf.get(owner.id)} decided to ${lowerFirst(title)}. ${why}`
    byOwner.get(owner.id)?.push(add(owner, day, title, spec.subject, tradeoff, summary, sharedWith(owner, [])))
  }
  for (const list of byOwner.values()) list.sort((a, b) => a.day - b.day)

  supersedeSome(rng, rows, byOwner)
  return { rows, byOwner, clusterDecisions, conflictDecisions: [sideA, sideB] }
}

/** ~10% superseded by a later decision of the same team, ~4% reversed. Chains are avoided. */
function supersedeSome(rng: Rng, rows: DecisionSeed[], byOwner: Map<string, DecisionMeta[]>) {
  const rowById = new Map(rows.map((r) => [r.id, r]))
  const targets = new Set<string>()
  for (const list of byOwner.values()) {
    for (let i = 0; i < list.length - 1; i++) {
      const meta = list[i]
      const row = meta && rowById.get(meta.id)
      if (!row || targets.has(row.id)) continue
      const roll = rng.float()
      if (roll < 0.1) {
        const later = list.slice(i + 1).find((m) => rowById.get(m.id)?.status === 'active' && m.day > (meta?.day ?? 0))
        if (!later) continue
        row.status = 'superseded'
        row.supersededById = later.id
        targets.add(later.id)
      } else if (roll < 0.14) {
        row.status = 'reversed'
      }
    }
  }
}
