import type { FieldProblem } from './errors'

/**
 * A bulk status change names each cluster once: a repeated id would be confirmed "twice" against
 * a version it no longer has after the first change, and fail for a reason nobody could act on.
 */
export function repeatedClusterProblems(clusters: readonly { id: string }[]): FieldProblem[] {
  const seen = new Set<string>()
  const problems: FieldProblem[] = []
  clusters.forEach(({ id }, index) => {
    if (seen.has(id)) problems.push({ field: `clusters/${index}/id`, message: `names cluster ${id} a second time` })
    seen.add(id)
  })
  return problems
}
