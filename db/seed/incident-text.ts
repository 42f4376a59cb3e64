import type { DiscoveryChannel, HarmKind, RootCause } from '@misalign/shared'
import {
  channelNouns,
  closingSentences,
  discoverySentences,
  expectedByRootCause,
  fill,
  impactSentences,
  incidentTitles,
  lowerFirst,
  missingContextByRootCause,
  tradeoffContext,
  upperFirst,
} from './catalog-text'
import { quarterOf } from './dates'
import type { DecisionMeta } from './org-decisions'
import type { Rng } from './prng'

/** What the story of one incident is made of, before it becomes text. */
export interface TextInput {
  ownerName: string | null
  reporterName: string
  asset: string
  subject: string
  goal: string
  decision: DecisionMeta | null
  day: number
  channel: DiscoveryChannel
  rootCause: RootCause
  harmKinds: readonly HarmKind[]
  engineerDaysLost: number | null
  delayDays: number | null
  /** Planted stories supply their own wording for any of these. */
  title?: string
  lead?: string
  expected?: string
  missingContext?: string
}

export interface IncidentText {
  title: string
  narrative: string
  expected: string
  harmedGoal: string
  missingContext: string
}

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`

export function composeText(rng: Rng, input: TextInput): IncidentText {
  const owner = input.ownerName ?? 'another team'
  const slots = {
    owner,
    asset: input.asset,
    Asset: upperFirst(input.asset),
    subject: input.subject,
    d: input.decision ? lowerFirst(input.decision.title) : `change the ${input.subject}`,
    q: quarterOf(input.day + 30),
    channelNoun: channelNouns[input.channel],
    days: plural(input.engineerDaysLost ?? 2, 'engineer-day'),
    delay: plural(input.delayDays ?? 5, 'day'),
    reporter: input.reporterName,
  }

  // A title names the decision only as "the decision to …", and the owner only when known.
  const titles = input.decision
    ? incidentTitles.withDecision
    : input.ownerName
      ? incidentTitles.withOwner
      : incidentTitles.withoutOwner
  const title = input.title ?? fill(rng.pick(titles), slots)

  const sentences = [input.lead ?? fill(discoverySentences[input.channel], slots)]
  if (input.decision) {
    const lag = input.day - input.decision.day
    if (lag > 1) sentences.push(`The decision was ${lag} days old by then.`)
  }
  for (const kind of input.harmKinds.slice(0, 2)) sentences.push(fill(impactSentences[kind], slots))
  sentences.push(fill(rng.pick(closingSentences), slots))

  const expected = input.expected ?? fill(rng.pick(expectedByRootCause[input.rootCause]), slots)
  const tradeoff = input.decision?.tradeoff
  const missingContext =
    input.missingContext ??
    (tradeoff && input.rootCause !== 'unknown' && rng.chance(0.6)
      ? fill(tradeoffContext, { owner, prefer: tradeoff.prefer, over: tradeoff.over, forGoal: tradeoff.forGoal })
      : fill(rng.pick(missingContextByRootCause[input.rootCause]), slots))

  return { title, narrative: sentences.join(' '), expected, harmedGoal: input.goal, missingContext }
}
