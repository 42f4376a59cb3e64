/**
 * Every cache key of the web app, one factory per resource (TanStack Query's "effective query
 * keys"): `all` is the resource, `lists()` every list of it, `list(filters)` one of them,
 * `detail(id)` one record. Keys go from general to specific, so a prefix names a whole family and
 * `invalidateAfter` (lib/invalidation.ts) can make it stale in one call. Nothing else in web/src
 * writes a `queryKey` literal: a key spelled in two places drifts, and then a write leaves a
 * screen stale without anyone noticing (ADR 022).
 */

type Filters = object

export const incidentKeys = {
  all: ['incidents'] as const,
  lists: () => [...incidentKeys.all, 'list'] as const,
  /** Every incident list: the register, "my reports" ({ mine: true }), a decision's or a gap's incidents. */
  list: (filters: Filters) => [...incidentKeys.lists(), filters] as const,
  details: () => [...incidentKeys.all, 'detail'] as const,
  /** By MIS number or id: the key is what the address says. */
  detail: (key: string) => [...incidentKeys.details(), key] as const,
  /** An incident page's feed of changes and comments. */
  activities: () => [...incidentKeys.all, 'activity'] as const,
  activity: (incidentId: string) => [...incidentKeys.activities(), incidentId] as const,
  /** "This hurt us too": other teams' impacts on one incident. */
  impactLists: () => [...incidentKeys.all, 'impacts'] as const,
  impacts: (incidentId: string) => [...incidentKeys.impactLists(), incidentId] as const,
}

export const decisionKeys = {
  all: ['decisions'] as const,
  lists: () => [...decisionKeys.all, 'list'] as const,
  list: (filters: Filters) => [...decisionKeys.lists(), filters] as const,
  details: () => [...decisionKeys.all, 'detail'] as const,
  detail: (id: string) => [...decisionKeys.details(), id] as const,
}

export const strategyKeys = {
  all: ['strategies'] as const,
  lists: () => [...strategyKeys.all, 'list'] as const,
  list: (filters: Filters) => [...strategyKeys.lists(), filters] as const,
  /** The register a page at a time (an infinite query: its cache entry is shaped apart from `list`'s). */
  pages: (filters: Filters) => [...strategyKeys.lists(), 'pages', filters] as const,
  details: () => [...strategyKeys.all, 'detail'] as const,
  detail: (id: string) => [...strategyKeys.details(), id] as const,
  revisions: (id: string) => [...strategyKeys.all, 'revisions', id] as const,
}

export const gapKeys = {
  all: ['strategy-gaps'] as const,
  lists: () => [...gapKeys.all, 'list'] as const,
  list: (filters: Filters) => [...gapKeys.lists(), filters] as const,
  /** The gap ranking is a list: anything that moves incidents between gaps reorders it. */
  ranking: (filters: Filters) => [...gapKeys.lists(), 'ranking', filters] as const,
  suggestions: (filters: Filters) => [...gapKeys.lists(), 'suggestions', filters] as const,
  details: () => [...gapKeys.all, 'detail'] as const,
  detail: (id: string) => [...gapKeys.details(), id] as const,
  context: (id: string) => [...gapKeys.detail(id), 'context'] as const,
  impacts: (id: string) => [...gapKeys.detail(id), 'impact'] as const,
  impact: (id: string, weeks?: number) => [...gapKeys.impacts(id), { weeks }] as const,
}

export const clusterKeys = {
  all: ['clusters'] as const,
  lists: () => [...clusterKeys.all, 'list'] as const,
  list: (filters: Filters) => [...clusterKeys.lists(), filters] as const,
  details: () => [...clusterKeys.all, 'detail'] as const,
  detail: (id: string) => [...clusterKeys.details(), id] as const,
  ofIncident: (incidentId: string) => [...clusterKeys.all, 'of-incident', incidentId] as const,
  /** The merge picker's choices: every cluster of a status, one long page. */
  choices: (filters: Filters) => [...clusterKeys.all, 'choices', filters] as const,
}

export const retroKeys = {
  all: ['retros'] as const,
  lists: () => [...retroKeys.all, 'list'] as const,
  list: (filters: Filters) => [...retroKeys.lists(), filters] as const,
  details: () => [...retroKeys.all, 'detail'] as const,
  detail: (id: string) => [...retroKeys.details(), id] as const,
}

export const actionKeys = {
  all: ['actions'] as const,
  lists: () => [...actionKeys.all, 'list'] as const,
  list: (filters: Filters) => [...actionKeys.lists(), filters] as const,
}

/** The dashboard's charts: one key per endpoint and its filters. */
export const analyticsKeys = {
  all: ['analytics'] as const,
  chart: (endpoint: string, params: Filters) => [...analyticsKeys.all, endpoint, params] as const,
}

export const leadershipKeys = {
  all: ['leadership'] as const,
  section: (path: string, window: Filters) => [...leadershipKeys.all, path, window] as const,
  agreementOnly: () => [...leadershipKeys.all, 'agreement-only'] as const,
  /** Requests that a team state a decision's tradeoff; the decision page asks for the open ones. */
  tradeoffRequests: () => [...leadershipKeys.all, 'tradeoff-requests'] as const,
  openTradeoffRequests: (decisionId: string) => [...leadershipKeys.tradeoffRequests(), decisionId, 'open'] as const,
}

export const priorityKeys = {
  all: ['priorities'] as const,
  lists: () => [...priorityKeys.all, 'list'] as const,
  list: (filters: Filters) => [...priorityKeys.lists(), filters] as const,
  suggestions: (text: string) => [...priorityKeys.all, 'suggestions', text] as const,
  tradeoffsToConfirm: () => [...priorityKeys.all, 'to-confirm'] as const,
}

export const triageKeys = {
  all: ['triage'] as const,
  noDecision: (page: Filters) => [...triageKeys.all, 'no-decision', page] as const,
  overdueActionLists: () => [...triageKeys.all, 'overdue-actions'] as const,
  overdueActions: (filters: Filters) => [...triageKeys.overdueActionLists(), filters] as const,
}

/**
 * What the insight engine answers: incidents like a draft or an incident, and the decisions a
 * text likely describes. Any new or changed incident or decision can change these answers.
 */
export const insightKeys = {
  all: ['insight'] as const,
  similar: () => [...insightKeys.all, 'similar'] as const,
  similarToDraft: (query: Filters) => [...insightKeys.similar(), 'draft', query] as const,
  similarToIncident: (key: string) => [...insightKeys.similar(), 'incident', key] as const,
  decisionSuggestions: () => [...insightKeys.all, 'decision-suggestions'] as const,
  decisionsForDraft: (query: Filters) => [...insightKeys.decisionSuggestions(), 'draft', query] as const,
  decisionsForIncident: (key: string) => [...insightKeys.decisionSuggestions(), 'incident', key] as const,
}

export const teamKeys = {
  all: ['teams'] as const,
  /** The whole register, archived teams included: reference data every screen reads. */
  everyTeam: () => [...teamKeys.all, 'all'] as const,
}

export const sessionKeys = {
  all: ['session'] as const,
}

/** The integrations' admin screen: Slack's status with the team channels, and the delivery log. */
export const integrationKeys = {
  all: ['integrations'] as const,
  status: () => [...integrationKeys.all, 'status'] as const,
  deliveries: () => [...integrationKeys.all, 'deliveries'] as const,
}

/** An action's or an incident's links to tracker issues; an incident by the key its address uses. */
export const issueLinkKeys = {
  all: ['issue-links'] as const,
  subject: (type: 'action' | 'incident', id: string) => [...issueLinkKeys.all, type, id] as const,
}

/** Webhook endpoints, and each one's delivery log (filtered by status) and deliveries opened. */
export const webhookKeys = {
  all: ['webhooks'] as const,
  endpoints: () => [...webhookKeys.all, 'endpoints'] as const,
  deliveries: (endpointId: string, status: string) => [...webhookKeys.all, 'deliveries', endpointId, status] as const,
  delivery: (endpointId: string, deliveryId: string) => [...webhookKeys.all, 'delivery', endpointId, deliveryId] as const,
}
