/**
 * The demo org's shape: a root, six groups, and the teams under them (some with sub-teams).
 * Fixed, not random, so slugs are stable names tests and docs can point at; the seed varies
 * who is in each team and everything that happens to them.
 */

export type TeamSize = 'small' | 'regular' | 'large'

export interface TeamSpec {
  slug: string
  name: string
  parent: string | null
  /** 'group' and 'org' teams hold leaders; 'team' rows are where engineers work and report. */
  level: 'org' | 'group' | 'team'
  size: TeamSize
  /** What this team's decisions are about ("the {subject}"). */
  subjects: readonly string[]
  /** What of theirs breaks when someone else decides ("our {asset}"). */
  assets: readonly string[]
  /** The goals that get harmed. */
  goals: readonly string[]
}

const group = (slug: string, name: string, subjects: readonly string[]): TeamSpec => ({
  slug,
  name,
  parent: 'engineering',
  level: 'group',
  size: 'small',
  subjects,
  assets: [],
  goals: [],
})

const team = (
  slug: string,
  name: string,
  parent: string,
  size: TeamSize,
  subjects: readonly string[],
  assets: readonly string[],
  goals: readonly string[],
): TeamSpec => ({ slug, name, parent, level: 'team', size, subjects, assets, goals })

export const teamSpecs: readonly TeamSpec[] = [
  {
    slug: 'engineering',
    name: 'Acme Engineering',
    parent: null,
    level: 'org',
    size: 'small',
    subjects: ['engineering-wide tooling'],
    assets: [],
    goals: [],
  },
  group('platform', 'Platform', ['shared platform services', 'service templates']),
  group('payments', 'Payments', ['payments roadmap', 'payment provider contracts']),
  group('growth', 'Growth', ['growth roadmap', 'experiment guidelines']),
  group('mobile', 'Mobile', ['mobile roadmap', 'app release policy']),
  group('data', 'Data', ['data governance', 'data roadmap']),
  group('infra', 'Infrastructure', ['infrastructure budget', 'cloud regions']),

  team(
    'identity',
    'Identity',
    'platform',
    'regular',
    ['login service', 'session handling', 'OAuth scopes', 'user profile API'],
    ['login flow', 'account settings', 'SSO integration'],
    ['Cut login failures in half this half', 'Ship passkeys to all users by Q4'],
  ),
  team(
    'api-gateway',
    'API Gateway',
    'platform',
    'regular',
    ['API gateway', 'internal routing rules', 'client quotas'],
    ['gateway routes', 'partner API', 'service mesh config'],
    ['Keep p99 gateway latency under 50 ms', 'Onboard partner APIs without custom code'],
  ),
  team(
    'notifications',
    'Notifications',
    'platform',
    'regular',
    ['push notification service', 'email templates', 'notification preferences'],
    ['notification pipeline', 'email digests', 'in-app inbox'],
    ['Raise notification opt-in rate to 60%', 'Deliver transactional emails within one minute'],
  ),
  team(
    'platform-tools',
    'Developer Tools',
    'platform',
    'regular',
    ['feature flag SDK', 'service scaffolding', 'build cache'],
    ['local dev setup', 'service template', 'CI templates'],
    ['Halve time to first deploy for new services', 'Keep build times under ten minutes'],
  ),
  team(
    'search',
    'Search',
    'platform',
    'large',
    ['search index', 'query ranking rules', 'autocomplete API'],
    ['search results page', 'autocomplete', 'search relevance tests'],
    ['Improve search click-through by 8%', 'Keep search results fresh within an hour'],
  ),

  team(
    'payments-api',
    'Payments API',
    'payments',
    'large',
    ['payments API', 'refund endpoint', 'card tokenization', 'payment retries'],
    ['payment service', 'refund flow', 'ledger sync'],
    ['Reach 99.95% payment success', 'Launch local payment methods in the EU'],
  ),
  team(
    'checkout-web',
    'Checkout Web',
    'payments',
    'large',
    ['checkout page', 'cart service', 'address form'],
    ['checkout page', 'payment form', 'order confirmation page', 'cart'],
    ['Lift checkout conversion by 2 points', 'Ship one-page checkout by end of Q3'],
  ),
  team(
    'fraud-risk',
    'Fraud & Risk',
    'payments',
    'regular',
    ['fraud rules', 'risk scoring model', '3-D Secure policy'],
    ['fraud rules engine', 'risk scoring', 'manual review queue'],
    ['Keep chargebacks under 0.4%', 'Cut manual reviews by a third'],
  ),
  team(
    'billing',
    'Billing',
    'payments',
    'regular',
    ['invoicing service', 'subscription plans', 'tax calculation'],
    ['invoice generation', 'subscription renewals', 'billing exports'],
    ['Close the books within three days of month end', 'Launch annual plans'],
  ),
  team(
    'payouts',
    'Payouts',
    'payments',
    'small',
    ['payout schedule', 'seller balances'],
    ['payout runs', 'seller statements'],
    ['Pay sellers on time, every time', 'Support instant payouts in two markets'],
  ),

  team(
    'growth-experiments',
    'Growth Experiments',
    'growth',
    'large',
    ['experiment platform', 'assignment service', 'holdout policy'],
    ['A/B tests', 'experiment dashboards', 'pricing test'],
    ['Run 40 experiments this quarter', 'Lift week-one retention by 3 points'],
  ),
  team(
    'onboarding',
    'Onboarding',
    'growth',
    'regular',
    ['signup flow', 'welcome journey', 'onboarding checklist'],
    ['signup flow', 'welcome emails', 'onboarding checklist'],
    ['Raise signup completion to 70%', 'Get new users to first order within a day'],
  ),
  team(
    'seo',
    'SEO',
    'growth',
    'small',
    ['sitemap generation', 'landing page templates'],
    ['landing pages', 'sitemaps', 'structured data'],
    ['Grow organic traffic 15% this year', 'Index every listing within a day'],
  ),
  team(
    'lifecycle-marketing',
    'Lifecycle Marketing',
    'growth',
    'regular',
    ['campaign tooling', 'audience segments', 'promo codes'],
    ['re-engagement campaign', 'promo code flow', 'customer segments'],
    ['Win back 10% of lapsed customers', 'Launch the loyalty programme in Q4'],
  ),
  team(
    'web-platform',
    'Web Platform',
    'growth',
    'regular',
    ['web framework', 'design system', 'edge caching rules'],
    ['design system', 'web build', 'server-side rendering'],
    ['Get Core Web Vitals green on all pages', 'Move all web apps to the new framework'],
  ),

  team(
    'ios',
    'iOS',
    'mobile',
    'large',
    ['iOS app architecture', 'iOS minimum version'],
    ['iOS app', 'iOS release', 'App Store submission'],
    ['Keep the iOS crash-free rate above 99.8%', 'Ship the redesigned home screen on iOS'],
  ),
  team(
    'android',
    'Android',
    'mobile',
    'large',
    ['Android app architecture', 'Android minimum SDK'],
    ['Android app', 'Android release', 'Play Store rollout'],
    ['Keep Android ANR rate under 0.3%', 'Ship the redesigned home screen on Android'],
  ),
  team(
    'mobile-platform',
    'Mobile Platform',
    'mobile',
    'regular',
    ['mobile API layer', 'mobile networking library', 'app config service'],
    ['mobile API client', 'app config', 'offline mode'],
    ['One networking stack for both apps', 'Cut app start time by 30%'],
  ),
  team(
    'mobile-release',
    'Mobile Release',
    'mobile',
    'small',
    ['release train', 'app store metadata'],
    ['release train', 'store listings'],
    ['Ship a release every week without slips'],
  ),

  team(
    'data-platform',
    'Data Platform',
    'data',
    'large',
    ['event bus', 'data lake layout', 'batch scheduler'],
    ['event pipeline', 'batch jobs', 'data lake tables'],
    ['Make every dataset queryable within an hour', 'Cut pipeline failures by half'],
  ),
  team(
    'data-ingestion',
    'Data Ingestion',
    'data-platform',
    'regular',
    ['ingestion connectors', 'CDC streams'],
    ['CDC connectors', 'ingestion jobs'],
    ['Ingest every source within 15 minutes'],
  ),
  team(
    'data-warehouse',
    'Data Warehouse',
    'data-platform',
    'small',
    ['warehouse schemas', 'query quotas'],
    ['warehouse tables', 'scheduled queries'],
    ['Keep warehouse spend flat while usage doubles'],
  ),
  team(
    'ml-ranking',
    'ML Ranking',
    'data',
    'regular',
    ['ranking model', 'feature store', 'model serving API'],
    ['ranking model', 'feature store jobs', 'model training pipeline'],
    ['Improve ranking NDCG by 5%', 'Retrain ranking models daily'],
  ),
  team(
    'analytics',
    'Analytics',
    'data',
    'regular',
    ['analytics event schema', 'KPI definitions', 'BI dashboards'],
    ['KPI dashboards', 'board report', 'tracking plan'],
    ['One trusted number for every KPI', 'Self-serve analytics for every team'],
  ),
  team(
    'recommendations',
    'Recommendations',
    'data',
    'regular',
    ['recommendation API', 'candidate generation'],
    ['recommendation carousel', 'similar-items API'],
    ['Lift recommendation click-through by 10%'],
  ),

  team(
    'sre',
    'SRE',
    'infra',
    'large',
    ['on-call policy', 'production readiness checklist', 'incident process', 'SLO targets'],
    ['on-call rotation', 'release pipeline', 'production alerts'],
    ['Hold 99.9% availability on tier-1 services', 'Cut pages per on-call week by half'],
  ),
  team(
    'cloud-infra',
    'Cloud Infrastructure',
    'infra',
    'regular',
    ['Kubernetes clusters', 'cloud accounts', 'network policies'],
    ['Kubernetes deployments', 'staging environment', 'load balancers'],
    ['Cut cloud spend 15% this year', 'Move every service to the new clusters'],
  ),
  team(
    'security',
    'Security',
    'infra',
    'regular',
    ['secrets management', 'dependency policy', 'access reviews'],
    ['secrets rotation', 'dependency upgrades', 'access requests'],
    ['Pass the SOC 2 audit without exceptions', 'Patch critical CVEs within 48 hours'],
  ),
  team(
    'appsec',
    'AppSec',
    'security',
    'small',
    ['security review process', 'WAF rules'],
    ['security reviews', 'WAF configuration'],
    ['Review every launch for security within a week'],
  ),
  team(
    'databases',
    'Databases',
    'infra',
    'regular',
    ['orders database', 'Postgres upgrade plan', 'connection limits'],
    ['orders database', 'database migrations', 'read replicas'],
    ['Upgrade every database to Postgres 16', 'Zero data-loss incidents'],
  ),
  team(
    'ci-cd',
    'CI/CD',
    'infra',
    'small',
    ['build runners', 'deploy pipeline'],
    ['deploy pipeline', 'build runners'],
    ['Deploy any service in under 15 minutes'],
  ),
  team(
    'observability',
    'Observability',
    'infra',
    'regular',
    ['logging pipeline', 'metrics retention', 'tracing sampler'],
    ['dashboards', 'log search', 'tracing'],
    ['Find the cause of any outage within 30 minutes'],
  ),
]

/** The team the four demo users belong to. */
export const demoTeamSlug = 'checkout-web'

export const memberCountRange: Record<TeamSize, readonly [number, number]> = {
  small: [2, 4],
  regular: [6, 10],
  large: [10, 14],
}
