/**
 * The three requirements of DESIGN.md: a misalignment is felt only when a team discovers a
 * decision that both surprised it and harmed one of its goals. Missing any one → no incident.
 */
import { isCalendarDate } from './discovery-lag'
import { type DiscoveryChannel, discoveryChannels } from './vocabulary'

/** The form says this plainly and does not file the report (DESIGN.md, "Rules"). */
export const NO_HARM_MESSAGE = 'a surprise without harm is not a misalignment'

/** Harm not answered yet is a question left open, not an answer of "none": say what to do. */
export const HARM_UNANSWERED_MESSAGE = 'Say how much this hurt, 1–5'

export interface RequirementInput {
  discoveredAt?: string | null
  discoveryChannel?: string | null
  expected?: string | null
  surprise?: number | null
  harmedGoal?: string | null
  harm?: number | null
}

export interface RequirementProblem {
  field: string
  message: string
}

const isBlank = (value: string | null | undefined): boolean => value == null || value.trim() === ''

// 0 is how a form says "not at all"; both it and a missing rating mean the requirement is unmet.
const isUnrated = (value: number | null | undefined): boolean => value == null || value === 0

const isRating = (value: number): boolean => Number.isInteger(value) && value >= 1 && value <= 5

const isDiscoveryChannel = (value: string): value is DiscoveryChannel => (discoveryChannels as readonly string[]).includes(value)

const channelList = discoveryChannels.map((c) => c.replaceAll('_', ' ')).join(', ')

function checkDiscovery(report: RequirementInput, today: string | undefined): RequirementProblem[] {
  const problems: RequirementProblem[] = []
  const discoveredAt = report.discoveredAt?.trim()
  if (!discoveredAt) {
    problems.push({ field: 'discoveredAt', message: 'Say when you discovered the decision' })
  } else if (!isCalendarDate(discoveredAt)) {
    problems.push({
      field: 'discoveredAt',
      message: `Give the day you discovered the decision as a real date (YYYY-MM-DD); '${discoveredAt}' is not one`,
    })
  } else if (today !== undefined && discoveredAt > today) {
    // Plain string comparison is safe: both are validated YYYY-MM-DD.
    problems.push({
      field: 'discoveredAt',
      message: `The discovery date ${discoveredAt} cannot be in the future (today is ${today}): give the day you found out`,
    })
  }

  const channel = report.discoveryChannel?.trim()
  if (!channel) {
    problems.push({ field: 'discoveryChannel', message: 'Say how you discovered the decision' })
  } else if (!isDiscoveryChannel(channel)) {
    problems.push({
      field: 'discoveryChannel',
      message: `Pick how you discovered the decision: one of ${channelList}`,
    })
  }
  return problems
}

function checkSurprise(report: RequirementInput): RequirementProblem[] {
  const problems: RequirementProblem[] = []
  if (isUnrated(report.surprise)) {
    problems.push({
      field: 'surprise',
      message: 'A decision you expected is not a misalignment: say how surprising it was (1–5)',
    })
  } else if (!isRating(report.surprise as number)) {
    problems.push({ field: 'surprise', message: 'Rate the surprise as a whole number from 1 (a little) to 5 (completely)' })
  }
  if (isBlank(report.expected)) {
    problems.push({ field: 'expected', message: 'Say what you expected instead' })
  }
  return problems
}

function checkHarm(report: RequirementInput): RequirementProblem[] {
  // No harm settles it: asking which goal was hurt would only add noise to a clear answer.
  if (isNoHarm(report)) return [{ field: 'harm', message: NO_HARM_MESSAGE }]
  const problems: RequirementProblem[] = []
  if (report.harm == null) {
    problems.push({ field: 'harm', message: HARM_UNANSWERED_MESSAGE })
  } else if (!isRating(report.harm)) {
    problems.push({ field: 'harm', message: 'Rate the harm as a whole number from 1 (a little) to 5 (severe)' })
  }
  if (isBlank(report.harmedGoal)) {
    problems.push({ field: 'harmedGoal', message: 'Say which of your goals it hurt' })
  }
  return problems
}

/**
 * All three requirements: discovery (discoveredAt + discoveryChannel), surprise (expected text +
 * surprise 1–5), harm (harmedGoal text + harm 1–5). Returns [] when the report is an incident.
 * Pass `today` to refuse discovery dates in the future; without it only the date's form is checked.
 */
export function checkRequirements(report: RequirementInput, today?: string): RequirementProblem[] {
  return [...checkDiscovery(report, today), ...checkSurprise(report), ...checkHarm(report)]
}

/**
 * A report whose harm was answered "none" (0) is a near miss worth counting as a signal, never an
 * incident. Harm not answered at all is not "none": the reporter simply has not said yet.
 */
export function isNoHarm(report: RequirementInput): boolean {
  return report.harm === 0
}
