import { matchPriority, normalizePriority, type PriorityTradeoff, type RegisteredPriority, type Tradeoff } from '@misalign/shared'
import type { Calendar } from './calendar'
import { priorityCatalog, priorityDemoStrategies } from './catalog-priorities'
import { formatDay, timestampOn } from './dates'
import { type People, teamId } from './org-people'
import type { Rng } from './prng'
import type { DecisionSeed, PrioritySeed, StrategySeed } from './types'

/**
 * The demo register, and every decision's and strategy's tradeoff linked to it the way a write
 * links one (db/src/repositories/priority-links.ts): the register's priority for the words, or a
 * new priority named by them. Words that are exactly a priority's name count as picked
 * (confirmed); aliases, close spellings and new priorities stay suggestions, so the demo has
 * tradeoffs to confirm. Its own random stream: adding it changed no other demo row.
 */
export function buildPriorities(
  rng: Rng,
  people: People,
  calendar: Calendar,
  decisions: DecisionSeed[],
  strategies: StrategySeed[],
): { priorities: PrioritySeed[]; demoStrategies: StrategySeed[] } {
  const createdAt = timestampOn(calendar.startDay - 30, 9 * 60)
  const priorities: PrioritySeed[] = priorityCatalog.map((spec) => ({
    id: rng.uuid(),
    name: spec.name,
    aliases: [...spec.aliases],
    description: spec.description,
    createdAt,
    updatedAt: createdAt,
  }))
  const register: RegisteredPriority[] = priorities.map((p) => ({ id: p.id, name: p.name, aliases: p.aliases ?? [] }))

  const place = (words: string): { id: string; isName: boolean } => {
    const match = matchPriority(words, register)
    if (match) return { id: match.priority.id, isName: normalizePriority(words) === normalizePriority(match.priority.name) }
    const row: PrioritySeed = {
      id: rng.uuid(),
      name: words.trim(),
      aliases: [],
      description: '',
      createdAt,
      updatedAt: createdAt,
    }
    priorities.push(row)
    register.push({ id: row.id, name: row.name, aliases: [] })
    return { id: row.id, isName: false }
  }
  const link = (t: Tradeoff): PriorityTradeoff => {
    const prefer = place(t.prefer)
    const over = place(t.over)
    return {
      ...t,
      preferPriorityId: prefer.id,
      overPriorityId: over.id,
      prioritiesConfirmed: prefer.isName && over.isName,
    }
  }

  const today = calendar.todayDay
  const demoStrategies: StrategySeed[] = priorityDemoStrategies.map((spec, i) => {
    const publishedDay = today - 420 + i
    const publishedAt = timestampOn(publishedDay, 11 * 60)
    return {
      id: rng.uuid(),
      title: spec.title,
      context: spec.context,
      ownerTeamId: teamId(people, spec.owner),
      scopeTeamIds: spec.scope.map((slug) => teamId(people, slug)),
      tradeoffs: [spec.tradeoff],
      status: 'published',
      publishedAt,
      reviewBy: formatDay(today + 150 + i),
      supersedesId: null,
      revision: 1,
      createdAt: timestampOn(publishedDay - 7, 11 * 60),
      updatedAt: publishedAt,
    }
  })

  for (const s of [...strategies, ...demoStrategies]) s.tradeoffs = (s.tradeoffs ?? []).map(link)
  for (const d of decisions) {
    if (!d.tradeoffPrefer || !d.tradeoffOver || !d.tradeoffForGoal) continue
    const linked = link({ prefer: d.tradeoffPrefer, over: d.tradeoffOver, forGoal: d.tradeoffForGoal })
    d.tradeoffPreferPriorityId = linked.preferPriorityId ?? null
    d.tradeoffOverPriorityId = linked.overPriorityId ?? null
    d.tradeoffPrioritiesConfirmed = linked.prioritiesConfirmed === true
  }
  return { priorities, demoStrategies }
}
