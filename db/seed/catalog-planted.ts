import type { RootCause, Tradeoff } from '@misalign/shared'

/**
 * The stories planted in every generated org (see generate.ts for how they are placed).
 * Each recurring decision has its own vocabulary, repeated across its incidents, so a
 * clustering engine has something true to find; `noiseTitles` reuse some of those words in
 * unrelated incidents, so it also has something to resist.
 */

export interface ClusterTopic {
  label: string
  owner: string
  reporters: readonly string[]
  decision: { title: string; summary: string; tradeoff: Tradeoff | null }
  /** Day of the year (0 = a year before today) the decision was taken; incidents follow. */
  decidedOffset: number
  rootCause: RootCause
  keywords: readonly string[]
  titles: readonly string[]
  narratives: readonly string[]
  expected: readonly string[]
  missingContext: readonly string[]
  noiseTitles: readonly string[]
}

export const clusterTopics: readonly ClusterTopic[] = [
  {
    label: 'v1 payments API sunset',
    owner: 'payments-api',
    reporters: ['checkout-web', 'ios', 'android', 'billing'],
    decision: {
      title: 'Deprecate the v1 payments API by end of Q3',
      summary: 'Agreed with Finance: all callers move to v2 payment intents; v1 charges return 410 after the sunset date.',
      tradeoff: null,
    },
    decidedOffset: 15,
    rootCause: 'agreement_without_why',
    keywords: ['v1 payments API', 'sunset', 'deprecation', 'v2 payment intents'],
    titles: [
      'v1 payments API sunset broke the {asset}',
      'The {asset} still calls the v1 payments API after the sunset',
      'v1 payments API deprecation landed before our v2 payment intents migration',
      'Forced v2 payment intents migration in the middle of the quarter',
    ],
    narratives: [
      'Payments API is sunsetting the v1 payments API, and our {asset} still creates v1 charges. The v2 payment intents migration was not on our roadmap and the deprecation date left us {weeks} weeks.',
      'Calls from the {asset} to the v1 payments API started failing with 410 Gone after the sunset. We knew v1 was old, not that the deprecation was this quarter.',
    ],
    expected: ['We expected the v1 payments API sunset to come with a reason and a migration window of at least a quarter.'],
    missingContext: [
      'Why the v1 payments API sunset had to happen in Q3, and what the v2 payment intents migration requires of callers.',
    ],
    noiseTitles: [
      'Sunset of the old design system buttons confused the {asset}',
      'Deprecation warnings from the v1 wiki search API flood our logs',
    ],
  },
  {
    label: 'nightly search indexing',
    owner: 'search',
    reporters: ['seo', 'growth-experiments', 'recommendations', 'onboarding'],
    decision: {
      title: 'Move search indexing to a nightly batch',
      summary: 'Real-time indexing is replaced by one nightly reindex to cut cluster cost.',
      tradeoff: { prefer: 'lower cloud cost', over: 'index freshness', forGoal: 'cut search infrastructure spend by 40%' },
    },
    decidedOffset: 55,
    rootCause: 'hidden_decision',
    keywords: ['search index', 'nightly batch', 'stale listings', 'reindex'],
    titles: [
      'Stale listings in search since the nightly batch reindex',
      'New listings missing from the search index until the next day',
      'The {asset} shows stale search results after the move to a nightly batch',
      'Nightly reindex broke same-day search for the {asset}',
    ],
    narratives: [
      'Listings created during the day no longer show up in the search index until the nightly batch runs. Our {asset} relies on same-day search, so users saw stale listings for up to 24 hours.',
      'Search moved indexing to a nightly batch. The reindex is cheaper, but stale listings now break the {asset}, and nobody outside Search knew.',
    ],
    expected: ['We expected the search index to stay near real-time, or to be told before it moved to a nightly batch.'],
    missingContext: [
      'That Search now prefers lower cost over index freshness, and that the search index is rebuilt only in a nightly batch.',
    ],
    noiseTitles: [
      'Nightly batch of the billing export finished late',
      'Stale feature configuration in the {asset} after a cache outage',
    ],
  },
  {
    label: 'short-lived access tokens',
    owner: 'identity',
    reporters: ['ios', 'android', 'lifecycle-marketing', 'notifications'],
    decision: {
      title: 'Cut access token lifetime to 15 minutes',
      summary: 'Access tokens expire after 15 minutes; clients must use refresh tokens.',
      tradeoff: { prefer: 'security hardening', over: 'developer convenience', forGoal: 'pass the SOC 2 audit' },
    },
    decidedOffset: 95,
    rootCause: 'hidden_decision',
    keywords: ['access token', '15-minute expiry', 'refresh token', 'forced logout'],
    titles: [
      'Forced logout after the 15-minute access token expiry',
      'Background jobs in the {asset} fail when the access token expires',
      'Refresh token flow missing in the {asset} after the token lifetime cut',
      'Access token expiry broke long sessions in the {asset}',
    ],
    narratives: [
      'Access tokens now expire after 15 minutes and the {asset} never implemented the refresh token flow. Users were hit by a forced logout mid-task.',
      'Our {asset} holds an access token for a whole session. After the 15-minute expiry, requests fail with 401 until the user logs in again.',
    ],
    expected: ['We expected a change to the access token lifetime to be announced to every client team first.'],
    missingContext: [
      'That Identity was cutting the access token lifetime to 15 minutes for the audit, and that every client needs a refresh token flow.',
    ],
    noiseTitles: ['Design tokens renamed in the web design system', 'Token bucket limits on the export job were too low'],
  },
  {
    label: 'orders database schema freeze',
    owner: 'databases',
    reporters: ['billing', 'payouts', 'analytics', 'data-ingestion'],
    decision: {
      title: 'Freeze schema changes on the orders database during peak season',
      summary: 'No DDL on the orders database from November to January.',
      tradeoff: null,
    },
    decidedOffset: 140,
    rootCause: 'missing_strategy',
    keywords: ['schema freeze', 'orders database', 'migration blocked', 'DDL'],
    titles: [
      'Our orders database migration blocked by the schema freeze',
      'Schema freeze on the orders database stopped the {asset} release',
      'DDL rejected on the orders database during the freeze',
      'The {asset} is stuck behind the orders database schema freeze',
    ],
    narratives: [
      'Our migration for the {asset} was blocked: the orders database is under a schema freeze until January. We had planned the DDL for this month.',
      'The schema freeze on the orders database rejected our DDL. The {asset} needs a new column, so the work is blocked for two months.',
    ],
    expected: [
      'We expected the orders database schema freeze to be on the planning calendar before we committed to the migration.',
    ],
    missingContext: ['A stated policy on when the orders database can change, known at planning time.'],
    noiseTitles: [
      'Feature freeze for the release train moved by a week',
      'Migration of the wiki to the new tool lost page history',
    ],
  },
  {
    label: 'in-house feature flags',
    owner: 'platform-tools',
    reporters: ['growth-experiments', 'checkout-web', 'web-platform', 'onboarding'],
    decision: {
      title: 'Replace the feature flag vendor with the in-house flag service',
      summary: 'The vendor contract ends; all flags move to the in-house flag service and its SDK.',
      tradeoff: { prefer: 'lower cloud cost', over: 'peak performance', forGoal: 'cut infrastructure spend 15% this year' },
    },
    decidedOffset: 175,
    rootCause: 'missing_strategy',
    keywords: ['feature flags', 'flag service', 'flag SDK', 'experiment targeting'],
    titles: [
      'Experiment targeting lost in the move to the in-house flag service',
      'Flag SDK change broke feature flags in the {asset}',
      'Feature flags evaluated wrongly after the flag service migration',
      'The {asset} rollout stalled: flag service has no percentage rollouts',
    ],
    narratives: [
      'Our feature flags moved to the in-house flag service without the experiment targeting rules we rely on. The {asset} showed the new variant to everyone.',
      'The new flag SDK evaluates feature flags differently, so the {asset} rollout had to stop while we rewrote the targeting.',
    ],
    expected: [
      'We expected the flag service migration to keep experiment targeting working, or to say what it would not support.',
    ],
    missingContext: ['What the in-house flag service would and would not support, and why the vendor was dropped now.'],
    noiseTitles: [
      'Flagged transactions queue grew after a fraud rule change',
      'Percentage of flaky tests in the {asset} doubled',
    ],
  },
  {
    label: 'gateway rate limits',
    owner: 'api-gateway',
    reporters: ['ml-ranking', 'recommendations', 'notifications', 'search'],
    decision: {
      title: 'Rate-limit internal traffic at the API gateway to 100 rps per client',
      summary: 'Every internal client gets 100 requests per second through the API gateway; more on request.',
      tradeoff: { prefer: 'reliability', over: 'feature velocity', forGoal: 'fewer Sev-1 incidents this half' },
    },
    decidedOffset: 225,
    rootCause: 'hidden_decision',
    keywords: ['rate limit', '429', '100 rps', 'throttled'],
    titles: [
      'The {asset} throttled by the new API gateway rate limit',
      '429 errors from the API gateway after the 100 rps limit',
      'Batch traffic from the {asset} throttled at 100 rps',
      'Gateway rate limit broke the {asset} backfill',
    ],
    narratives: [
      'The API gateway started answering 429 to the {asset} once it passed 100 rps. Our backfill was throttled and ran for days instead of hours.',
      'Nobody told us about the gateway rate limit. The {asset} is a batch caller, and at 100 rps it is throttled most of the night.',
    ],
    expected: ['We expected the rate limit to be announced, with a way to ask for more than 100 rps before it was enforced.'],
    missingContext: ['That the API gateway now enforces 100 rps per client, and how to get an exception.'],
    noiseTitles: [
      '429s from the CRM vendor API during a campaign',
      'Rate limit on the public signup endpoint blocked a load test',
    ],
  },
  {
    label: 'event schema v2 removal',
    owner: 'analytics',
    reporters: ['growth-experiments', 'ml-ranking', 'lifecycle-marketing', 'data-warehouse'],
    decision: {
      title: 'Remove the legacy v2 event schema from the analytics pipeline',
      summary: 'Agreed at the data council: only v3 events are accepted from next month.',
      tradeoff: null,
    },
    decidedOffset: 265,
    rootCause: 'agreement_without_why',
    keywords: ['event schema', 'v2 events', 'tracking plan', 'dropped events'],
    titles: [
      'v2 events dropped by the analytics pipeline',
      'Dashboards for the {asset} went blank after the event schema change',
      'Event schema v2 removal broke tracking for the {asset}',
      'Tracking plan out of date after the v2 events were dropped',
    ],
    narratives: [
      'The analytics pipeline stopped accepting v2 events, and the {asset} still emits them. We lost two weeks of tracking before anyone noticed the dropped events.',
      'The event schema change was agreed at the data council, but the tracking plan for the {asset} was never updated and our v2 events were dropped.',
    ],
    expected: ['We expected the event schema change to come with the reason and a list of affected emitters.'],
    missingContext: ['Why the v2 event schema had to go now, so we could have planned the move of our tracking plan.'],
    noiseTitles: ['Tracking plan review meeting moved again', 'Event venue for the offsite changed at short notice'],
  },
  {
    label: 'push notification digest',
    owner: 'notifications',
    reporters: ['lifecycle-marketing', 'growth-experiments', 'ios', 'android'],
    decision: {
      title: 'Batch all push notifications into a daily digest',
      summary: 'Non-transactional push notifications are held and sent once a day as a digest.',
      tradeoff: { prefer: 'battery life', over: 'real-time updates', forGoal: 'keep app ratings above 4.5 stars' },
    },
    decidedOffset: 300,
    rootCause: 'missing_strategy',
    keywords: ['push notifications', 'daily digest', 'delayed push', 'campaign timing'],
    titles: [
      'Campaign push notifications delayed to the daily digest',
      'Time-sensitive push for the {asset} arrived a day late',
      'Daily digest swallowed our push notifications',
      'Delayed push broke campaign timing for the {asset}',
    ],
    narratives: [
      'Our push notifications for the {asset} are now held for the daily digest. A time-limited offer arrived after it had expired.',
      'Notifications moved push to a daily digest. Campaign timing for the {asset} is meaningless when the delayed push lands the next morning.',
    ],
    expected: ['We expected time-sensitive push notifications to stay real-time, or a way to mark them so.'],
    missingContext: [
      'That Notifications now prefers battery life over real-time push, and which notifications still go out immediately.',
    ],
    noiseTitles: ['Daily standup moved to async updates', 'Email digest template broke on dark mode'],
  },
]

/** Owner → reporting team pairs that keep hurting each other, well above the background. */
export const hotTeamPairs: readonly (readonly [owner: string, reporter: string, weight: number])[] = [
  ['payments-api', 'checkout-web', 5],
  ['sre', 'ios', 3],
  ['sre', 'android', 3],
  ['identity', 'android', 2],
  ['data-platform', 'ml-ranking', 3],
  ['platform-tools', 'growth-experiments', 2],
]

/** The gap whose incidents nearly vanish once strategy S is published (~5 months before today). */
export const droppingGapStory = {
  gap: {
    title: 'No org-wide policy for breaking API changes',
    description:
      'Teams change or remove internal APIs with whatever notice they think is enough; callers find out when their code breaks.',
  },
  strategy: {
    title: 'API change policy: additive first, two quarters of notice for removals',
    context:
      'Breaking API changes were the largest single source of misalignment incidents. Callers need to predict changes without a meeting.',
    owner: 'platform',
    tradeoffs: [
      { prefer: 'backward compatibility', over: 'API cleanliness', forGoal: 'zero forced client upgrades' },
      {
        prefer: 'announced deprecation windows',
        over: 'fast removal of old endpoints',
        forGoal: 'predictable roadmaps for partner teams',
      },
    ],
  },
  owners: ['payments-api', 'identity', 'api-gateway', 'search', 'notifications', 'billing', 'data-platform', 'mobile-platform'],
  titles: [
    'Breaking change to the {subject} without notice',
    'Field removed from the {subject} response broke the {asset}',
    'The {owner} team changed the {subject} contract under us',
  ],
  missingContext: ['A policy on breaking API changes: how much notice callers get, and who must be told.'],
  /** Days before today that S was published. */
  publishedDaysAgo: 152,
}

/** Two stated priorities that contradict each other: incidents here are 'conflicting_priorities'. */
export const conflictStory = {
  tradeoff: { prefer: 'checkout conversion', over: 'fraud-check strictness' },
  sides: [
    {
      team: 'checkout-web',
      strategyTitle: 'Checkout conversion first',
      strategyContext: 'Every extra checkout step costs conversion; H2 revenue depends on removing friction.',
      tradeoff: { prefer: 'checkout conversion', over: 'fraud-check strictness', forGoal: 'hit the H2 revenue target' },
      decisionTitle: 'Skip 3-D Secure for returning customers under €50',
      decidedOffset: 120,
    },
    {
      team: 'fraud-risk',
      strategyTitle: 'Keep fraud losses under control',
      strategyContext: 'Chargebacks rose for three quarters; card schemes fine us above 0.5%.',
      tradeoff: { prefer: 'fraud-check strictness', over: 'checkout conversion', forGoal: 'keep chargebacks under 0.4%' },
      decisionTitle: 'Require 3-D Secure for all card payments above €30',
      decidedOffset: 135,
    },
  ],
  gap: {
    title: 'Conversion versus fraud strictness has no tiebreaker at Payments level',
    description: 'Checkout Web and Fraud & Risk each follow a published priority, and the two contradict each other.',
  },
  titles: [
    '3-D Secure rules flip-flop between Checkout and Fraud',
    'Conflicting 3-D Secure thresholds on the {asset}',
    'Checkout conversion and fraud strictness fight over the {asset}',
  ],
} as const

/** Strategies that went stale (review date passed) while teams in their scope kept getting hurt. */
export const staleStories = [
  {
    title: 'Data retention: 13 months for event data',
    context: 'Keep event data for 13 months, then aggregate; personal data is never kept longer.',
    owner: 'data-platform',
    scope: ['analytics', 'ml-ranking', 'data-warehouse', 'recommendations'],
    tradeoff: { prefer: 'privacy by default', over: 'richer personalisation', forGoal: 'GDPR compliance without exceptions' },
    reviewOffset: 170,
    gapTitle: 'Data retention strategy no longer matches how models are trained',
  },
  {
    title: 'Mobile release train: weekly releases, no hotfix lane',
    context: 'One release a week, cut on Monday; anything urgent waits for the next train.',
    owner: 'mobile-release',
    scope: ['ios', 'android', 'mobile-platform'],
    tradeoff: { prefer: 'small batches', over: 'big-bang releases', forGoal: 'a calm release train' },
    reviewOffset: 230,
    gapTitle: 'Release train strategy predates the hotfix lane everyone now uses',
  },
] as const
