/**
 * Rules for linking decisions to incidents in bulk, before anything is read from the database.
 * Each incident appears once: two links for one incident would make "all or nothing" ambiguous.
 */
export interface DecisionLinkRequest {
  incidentId: string
  decisionId: string | null
  decisionOwnerTeamId?: string | null
}

export interface LinkProblem {
  field: string
  message: string
}

export function checkDecisionLinks(links: readonly DecisionLinkRequest[]): LinkProblem[] {
  const problems: LinkProblem[] = []
  const firstIndex = new Map<string, number>()
  links.forEach((link, index) => {
    const id = link.incidentId.toLowerCase()
    const first = firstIndex.get(id)
    if (first === undefined) firstIndex.set(id, index)
    else {
      problems.push({
        field: `links.${index}.incidentId`,
        message: `incident ${link.incidentId} is already in link ${first}; send one link per incident`,
      })
    }
    // A linked decision names its owner; a second owner could only disagree with it.
    if (link.decisionId !== null && link.decisionOwnerTeamId != null) {
      problems.push({
        field: `links.${index}.decisionOwnerTeamId`,
        message: 'leave decisionOwnerTeamId out when linking a decision: it is taken from the decision',
      })
    }
  })
  return problems
}
