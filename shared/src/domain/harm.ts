/** Shown wherever a ranking sums weighted harm, so nobody has to guess what the number means. */
export const WEIGHTED_HARM_EXPLANATION = 'Weighted harm = harm × surprise (1–25)'

/**
 * Harm scaled by surprise: a harmful decision nobody saw coming points at a bigger gap in
 * strategy than one a team half expected. Inputs are the 1–5 ratings checkRequirements accepts.
 */
export function weightedHarm(i: { harm: number; surprise: number }): number {
  return i.harm * i.surprise
}

/** Rankings of gaps, decisions and team pairs sum weighted harm rather than count incidents. */
export function totalWeightedHarm(incidents: ReadonlyArray<{ harm: number; surprise: number }>): number {
  let total = 0
  for (const incident of incidents) total += weightedHarm(incident)
  return total
}
