/**
 * The plain sentence and the % change a leader reads beside a before/after chart: "Incidents in
 * this area fell from 55 to 2 in the 8 weeks after the strategy was published". Pure, so the
 * review screen and its Markdown export say exactly the same thing.
 */

export interface ImpactCounts {
  /** Weeks on each side of the publication day; 0 when it is less than a week old. */
  weeks: number
  /** Incidents in the weeks before and after; null when there is nothing to compare. */
  before: number | null
  after: number | null
  /** The day the addressing strategy was published; null when none is. */
  publishedAt?: string | null
}

export type ImpactChange =
  | { kind: 'none'; label: string }
  | { kind: 'new'; label: string }
  | { kind: 'change'; percent: number; label: string }

const number = (n: number) => n.toLocaleString('en-GB')

/**
 * The change from before to after as a person would say it: "−96%", "+50%", "no change", or
 * "new" when there was nothing before (a percentage of zero means nothing).
 */
export function impactChange(before: number, after: number): ImpactChange {
  if (before === 0) return after === 0 ? { kind: 'none', label: 'no change' } : { kind: 'new', label: 'new' }
  const percent = Math.round(((after - before) / before) * 100)
  if (percent === 0 && after === before) return { kind: 'none', label: 'no change' }
  const sign = after > before ? '+' : '−'
  // A change too small to round to 1% still went one way: say "<1%" rather than "0%".
  const shown = percent === 0 ? '<1' : String(Math.abs(percent))
  return { kind: 'change', percent, label: `${sign}${shown}%` }
}

/** "the 8 weeks" / "the week". */
const weeksPhrase = (weeks: number) => (weeks === 1 ? 'the week' : `the ${number(weeks)} weeks`)

/** One sentence on what happened to incidents in a gap's area once its strategy was published. */
export function impactSentence(counts: ImpactCounts): string {
  const { weeks, before, after } = counts
  if (counts.publishedAt === null) return 'No published strategy addresses this gap yet, so there is no before and after.'
  if (weeks <= 0 || before === null || after === null) {
    return 'The strategy was published less than a week ago: there is no after to compare yet.'
  }
  const span = weeksPhrase(weeks)
  if (before === 0 && after === 0) {
    return `No incident in this area in ${span} before or after the strategy was published.`
  }
  if (before === after) {
    return `Incidents in this area stayed at ${number(after)} in ${span} after the strategy was published, as in ${span} before.`
  }
  const verb = after < before ? 'fell' : 'rose'
  return `Incidents in this area ${verb} from ${number(before)} to ${number(after)} in ${span} after the strategy was published.`
}

type Sides = { before: { incidents: number }; after: { incidents: number } }

/** "a, b and c" */
const listed = (parts: string[]) =>
  parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`

/**
 * The review's headline over every gap a published strategy addresses: how many had fewer
 * incidents after it, more, as many, or none on either side. Empty when there is no such gap.
 */
export function impactSummary(gaps: readonly Sides[]): string {
  if (gaps.length === 0) return ''
  const none = gaps.filter((g) => g.before.incidents === 0 && g.after.incidents === 0).length
  const fell = gaps.filter((g) => g.after.incidents < g.before.incidents).length
  const rose = gaps.filter((g) => g.after.incidents > g.before.incidents).length
  const same = gaps.length - none - fell - rose
  // The first phrase names the measure; the ones after it lean on it ("1 had more").
  const kinds: [number, string, string][] = [
    [fell, 'had fewer incidents after it', 'had fewer'],
    [rose, 'had more incidents after it', 'had more'],
    [same, 'had as many incidents after it as before', 'had as many'],
    [none, 'had no incident before or after it', 'had none before or after'],
  ]
  const present = kinds.filter(([n]) => n > 0)
  if (gaps.length === 1) return `The one gap a published strategy addresses ${present[0]?.[1]}.`
  const parts = present.map(([n, first, next], i) => `${number(n)} ${i === 0 ? first : next}`)
  return `Of the ${number(gaps.length)} gaps a published strategy addresses, ${listed(parts)}.`
}
