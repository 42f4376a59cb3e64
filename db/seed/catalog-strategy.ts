import type { ActionKind } from '@misalign/shared'

/** Background strategies, strategy gaps, signals and retro text. Owners and scopes are team slugs. */

export interface StrategySpec {
  title: string
  context: string
  owner: string
  scope: readonly string[]
  /** Indexes into tradeoffBank (catalog-text.ts). */
  tradeoffs: readonly number[]
}

export const strategySpecs: readonly StrategySpec[] = [
  {
    title: 'Reliability before features on tier-1 services',
    context: 'Two Sev-1 outages this year came from rushed launches.',
    owner: 'sre',
    scope: [],
    tradeoffs: [0],
  },
  {
    title: 'One integration surface for all clients',
    context: 'Mobile and web each built their own adapters for the same APIs.',
    owner: 'platform',
    scope: [],
    tradeoffs: [1, 11],
  },
  {
    title: 'Cloud cost over peak performance for batch work',
    context: 'Batch jobs drive half the cloud bill and nobody waits on them.',
    owner: 'infra',
    scope: ['data-platform', 'ml-ranking', 'analytics'],
    tradeoffs: [2],
  },
  {
    title: 'Ship behind flags, learn weekly',
    context: 'We learn more from a flagged rollout than from a month of polish.',
    owner: 'growth',
    scope: ['growth-experiments', 'onboarding', 'lifecycle-marketing', 'web-platform'],
    tradeoffs: [3],
  },
  {
    title: 'Fresh data for finance reporting',
    context: 'Month-end close waits on stale tables.',
    owner: 'data',
    scope: ['analytics', 'data-warehouse', 'billing'],
    tradeoffs: [4],
  },
  {
    title: 'Security hardening for the SOC 2 year',
    context: 'The audit window opens in spring; exceptions cost us deals.',
    owner: 'security',
    scope: [],
    tradeoffs: [5],
  },
  {
    title: 'Small batches on the release train',
    context: 'Big releases caused most rollbacks last year.',
    owner: 'mobile',
    scope: ['ios', 'android', 'mobile-platform'],
    tradeoffs: [6],
  },
  {
    title: 'Privacy by default in personalisation',
    context: 'Regulators in two markets asked about our profiling.',
    owner: 'data',
    scope: ['recommendations', 'ml-ranking', 'lifecycle-marketing'],
    tradeoffs: [7],
  },
  {
    title: 'A platform ten people can run',
    context: 'The platform group will not grow this year.',
    owner: 'platform',
    scope: ['identity', 'api-gateway', 'notifications', 'platform-tools', 'search'],
    tradeoffs: [8],
  },
  {
    title: 'Battery life over real-time in the apps',
    context: 'App store reviews mention battery drain every week.',
    owner: 'mobile',
    scope: ['ios', 'android'],
    tradeoffs: [9],
  },
  {
    title: 'Time to market for the EU launch',
    context: 'The EU launch date is fixed by a partner contract.',
    owner: 'payments',
    scope: ['payments-api', 'checkout-web', 'billing', 'payouts'],
    tradeoffs: [10, 3],
  },
  {
    title: 'Backward compatibility for mobile clients',
    context: 'A third of users run an app version older than three months.',
    owner: 'mobile-platform',
    scope: [],
    tradeoffs: [11],
  },
  {
    title: 'Paved road for new services',
    context: 'Every new service should start from the template, not from scratch.',
    owner: 'platform-tools',
    scope: [],
    tradeoffs: [8, 1],
  },
  {
    title: 'Observability data budget',
    context: 'Log volume grew 4x; we keep what we query.',
    owner: 'observability',
    scope: [],
    tradeoffs: [2],
  },
  {
    title: 'Search relevance over index cost',
    context: 'Search drives 40% of orders.',
    owner: 'search',
    scope: ['search', 'seo', 'recommendations'],
    tradeoffs: [4],
  },
  {
    title: 'Payout reliability over new payout features',
    context: 'Late payouts cost seller trust faster than any feature wins it.',
    owner: 'payouts',
    scope: ['payouts', 'billing'],
    tradeoffs: [0],
  },
]

export interface GapSpec {
  title: string
  description: string
  status: 'open' | 'acknowledged' | 'published' | 'verified' | 'wont_fix'
  wontFixReason?: string
}

export const gapSpecs: readonly GapSpec[] = [
  {
    title: 'No stated priority between mobile and web for shared APIs',
    description: 'Platform teams cannot tell whose needs come first when they conflict.',
    status: 'open',
  },
  {
    title: 'Nobody owns the decision log',
    description: 'Decisions are recorded in five places, so partner teams find none of them.',
    status: 'open',
  },
  {
    title: 'No policy on vendor changes',
    description: 'Teams switch vendors without telling the teams that integrate with them.',
    status: 'acknowledged',
  },
  {
    title: 'Unclear data ownership between Data Platform and product teams',
    description: 'Who may change a table, and who must be told?',
    status: 'open',
  },
  {
    title: 'On-call expectations for shared services are unwritten',
    description: 'Callers assume 24/7 support that owners never promised.',
    status: 'acknowledged',
  },
  {
    title: 'Release freeze calendar is not published',
    description: 'Freezes are announced in team channels a week ahead.',
    status: 'published',
  },
  {
    title: 'No latency budgets between services',
    description: 'Each team sets its own timeouts and retries; changes cascade.',
    status: 'acknowledged',
  },
  {
    title: 'Experiment guardrails are not shared outside Growth',
    description: 'Other teams are surprised by experiments that touch their surfaces.',
    status: 'verified',
  },
  {
    title: 'Cost targets not translated into team priorities',
    description: 'Teams cut cost in ways that move load onto their callers.',
    status: 'open',
  },
  {
    title: 'Mobile minimum-version policy is implicit',
    description: 'Backend teams drop support for app versions nobody agreed to drop.',
    status: 'published',
  },
  {
    title: 'Security exceptions process unknown to product teams',
    description: 'Teams learn about new security requirements at launch review.',
    status: 'verified',
  },
  {
    title: 'No shared roadmap for the checkout funnel',
    description: 'Five teams change the funnel and each sees only its step.',
    status: 'acknowledged',
  },
  {
    title: 'Ranking and search goals are set separately',
    description: 'Search optimises clicks, ranking optimises orders; changes collide.',
    status: 'wont_fix',
    wontFixReason: 'Being merged into one team next quarter; the gap goes away with the reorg.',
  },
  {
    title: "Localisation is nobody's priority",
    description: 'Copy changes break translations in markets nobody checks.',
    status: 'wont_fix',
    wontFixReason: 'Too small to justify a strategy; handled by a checklist in the release process.',
  },
  {
    title: 'Capacity planning assumptions are private to SRE',
    description: 'Product teams plan launches without knowing capacity limits.',
    status: 'open',
  },
  {
    title: 'No guidance on when to build versus buy',
    description: 'Teams decide alone and others inherit the integration cost.',
    status: 'open',
  },
]

export const nearMissNotes = [
  'Caught a planned change to the {subject} in design review, two weeks before it would have hit us.',
  'Saw the {subject} deprecation in the decision log in time; no harm, but it was close.',
  'A reviewer from {owner} flagged that our change would break the {asset}; we held it.',
  'Heard about the {subject} migration by chance at lunch; adapted before it shipped.',
]

export const autonomyWinNotes = [
  'Decided on our own to {action} without a sync meeting, thanks to "{strategy}".',
  'Used "{strategy}" to settle a disagreement in ten minutes instead of escalating.',
  'Picked {prefer} over {over} for our own roadmap, as "{strategy}" says; no approval needed.',
]

export const autonomyActions = [
  'keep the old endpoint alive for another quarter',
  'ship the change behind a flag',
  'drop the bespoke integration',
  'move the job to off-peak hours',
  'postpone the redesign in favour of reliability work',
]

export const retroSummaries = [
  'Three teams were hurt by the same decision; the decision was sound, the announcement was not.',
  'The decision carried no reasoning, so partner teams could not predict the follow-ups.',
  'We agreed to write down the tradeoff and share it as a strategy draft.',
]

export const actionTexts: Record<ActionKind, string> = {
  share_strategy: 'Publish the tradeoff behind the decision as a strategy for partner teams',
  state_tradeoff: 'Add "prefer / over / for goal" to the decision record',
  generalize_decision: 'Turn the one-off agreement into a rule other teams can apply',
  make_discoverable: 'Post decisions like this in the org-wide decision log',
  schedule_strategy_review: 'Put a review date on the strategy and re-share it when priorities change',
  add_sync_meeting: 'Add a weekly sync between the two teams',
  add_approval_gate: 'Require sign-off from every partner team before changes ship',
  restrict_visibility: 'Keep draft decisions private until they are final',
  freeze_decisions: 'Freeze further changes to this area until next quarter',
  require_lockstep: "Ship both teams' changes in the same release",
}

export const antiMisalignmentReasons = [
  'Leadership asked for it after the outage.',
  'Temporary, until the strategy is published.',
  'The teams could not agree on anything lighter.',
]
