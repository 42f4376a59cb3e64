import { defaultEngineOptions, type EngineOptions } from './signals'

/** A scored neighbour of a new incident and the clusters it already belongs to. */
export interface Neighbour {
  incidentId: string
  score: number
  clusterIds: readonly string[]
}

export type Placement =
  | { kind: 'join'; clusterId: string; score: number }
  | { kind: 'start'; incidentIds: string[] }
  | { kind: 'none' }

/**
 * Where a newly filed incident goes without recomputing everything: into the cluster whose
 * members it matches best (summed scores of neighbours at or above the threshold), or — when
 * enough unclustered neighbours match — into a new suggestion with them. `closedClusterIds`
 * (dismissed clusters) never take new members.
 */
export function placeIncident(
  neighbours: readonly Neighbour[],
  closedClusterIds: ReadonlySet<string> = new Set(),
  options: EngineOptions = defaultEngineOptions,
): Placement {
  const strong = neighbours.filter((n) => n.score >= options.threshold)
  const totals = new Map<string, number>()
  for (const n of strong)
    for (const id of n.clusterIds) if (!closedClusterIds.has(id)) totals.set(id, (totals.get(id) ?? 0) + n.score)
  let best: { clusterId: string; score: number } | undefined
  for (const [clusterId, score] of totals)
    if (!best || score > best.score || (score === best.score && clusterId < best.clusterId)) best = { clusterId, score }
  if (best) return { kind: 'join', clusterId: best.clusterId, score: Math.round(best.score * 1000) / 1000 }
  const free = strong.filter((n) => n.clusterIds.length === 0).map((n) => n.incidentId)
  if (free.length + 1 >= options.minSize) return { kind: 'start', incidentIds: free }
  return { kind: 'none' }
}
