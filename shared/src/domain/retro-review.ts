import { addDays } from './dates'

/**
 * What a retro's review and causes phases show, computed from the workspace the API already
 * sends: a week-by-week count, the timeline grouped by decision, and missing context grouped
 * by what it says. The workspace holds every visible incident of the cluster, so nothing here
 * needs another request (ADR 029).
 */

export interface WeekCount {
  /** The Monday the week starts on (YYYY-MM-DD). */
  weekStart: string
  count: number
}

/** The Monday of the ISO week a day falls in. */
export function weekStartOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay() // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7))
}

/** Incidents discovered each week, from the first week to the last, quiet weeks included as 0. */
export function weeklyCounts(incidents: readonly { discoveredAt: string }[]): WeekCount[] {
  if (incidents.length === 0) return []
  const counts = new Map<string, number>()
  for (const { discoveredAt } of incidents) {
    const week = weekStartOf(discoveredAt)
    counts.set(week, (counts.get(week) ?? 0) + 1)
  }
  const weeks = [...counts.keys()].sort()
  const last = weeks.at(-1) ?? ''
  const result: WeekCount[] = []
  for (let week = weeks[0] ?? last; week <= last; week = addDays(week, 7)) {
    result.push({ weekStart: week, count: counts.get(week) ?? 0 })
  }
  return result
}

export interface DecisionGroup<I> {
  /** null: incidents that name no recorded decision. */
  decisionId: string | null
  incidents: I[]
}

/**
 * The timeline, grouped by the decision behind each incident: the decision with most incidents
 * first, the incidents of a group in discovery order, the incidents with no decision last.
 */
export function groupByDecision<I extends { decisionId: string | null; discoveredAt: string }>(
  incidents: readonly I[],
): DecisionGroup<I>[] {
  const groups = new Map<string | null, I[]>()
  for (const incident of incidents) {
    const group = groups.get(incident.decisionId) ?? []
    group.push(incident)
    groups.set(incident.decisionId, group)
  }
  // Each group is in discovery order, so its first incident is the earliest.
  const firstSeen = (g: I[]) => g[0]?.discoveredAt ?? ''
  return [...groups.entries()]
    .map(([decisionId, members]) => ({
      decisionId,
      incidents: [...members].sort((a, b) => a.discoveredAt.localeCompare(b.discoveredAt)),
    }))
    .sort(
      (a, b) =>
        Number(a.decisionId === null) - Number(b.decisionId === null) ||
        b.incidents.length - a.incidents.length ||
        firstSeen(a.incidents).localeCompare(firstSeen(b.incidents)),
    )
}

export interface MissingContextGroup {
  /** The words as the first report put them. */
  text: string
  keys: string[]
}

/** Case, spacing and a closing full stop do not make two reports' missing context different. */
const normalised = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!]+$/, '')

/**
 * Missing context grouped by what it says, most often named first, so twenty reports naming the
 * same missing roadmap read as one line with a count. Reports that name none are counted apart.
 */
export function groupMissingContext(incidents: readonly { key: string; missingContext: string }[]): {
  groups: MissingContextGroup[]
  notNamed: number
} {
  const groups = new Map<string, MissingContextGroup>()
  let notNamed = 0
  for (const { key, missingContext } of incidents) {
    const id = normalised(missingContext)
    if (!id) {
      notNamed += 1
      continue
    }
    const group = groups.get(id) ?? { text: missingContext.trim(), keys: [] }
    group.keys.push(key)
    groups.set(id, group)
  }
  return {
    groups: [...groups.values()].sort((a, b) => b.keys.length - a.keys.length || a.text.localeCompare(b.text)),
    notNamed,
  }
}

/** The phases a retro is run in, in order (Parabol's flow): the URL keeps the one on screen. */
export const retroPhases = ['review', 'causes', 'tradeoff', 'actions', 'publish'] as const
export type RetroPhase = (typeof retroPhases)[number]

export const retroPhaseLabels: Record<RetroPhase, string> = {
  review: 'Review',
  causes: 'Causes',
  tradeoff: 'Tradeoff',
  actions: 'Actions',
  publish: 'Publish',
}

/** An unknown or missing phase in a URL starts at the review: the timeline comes before any discussion. */
export function retroPhaseOf(value: string | null): RetroPhase {
  return retroPhases.find((phase) => phase === value) ?? 'review'
}
