import { stemmer } from 'stemmer'

/**
 * Words people use for the same thing when they describe what a decision did to them. Teams
 * notice different symptoms of one decision in their own jargon ("logged out", "401s", "SSO
 * broke"); exact-word matching cannot join them, a shared concept can. Each group is one
 * concept; a word may sit in a few. Written for software organisations in general — never
 * tuned to an evaluation set (docs/decisions/013-insight-retrieval.md).
 *
 * A concept is a term of its own in the index (`~auth`), so BM25 weighs it like any word: a
 * concept that many reports share counts for little, a rare one for a lot.
 */
const groups: Record<string, string> = {
  auth: 'auth authentication authenticate login logins logout logged signin signout sso saml oidc oauth credential credentials password passwords 401 403 unauthorized unauthenticated reauthenticate session sessions token tokens jwt cookie cookies mfa 2fa identity idp',
  expiry:
    'expiry expire expired expires expiring expiration ttl lifetime timeout timeouts refresh renew renewal rotate rotation rotated stale',
  permission:
    'permission permissions role roles rbac scope scopes access acl entitlement entitlements privilege privileges forbidden allowlist denylist whitelist blacklist',
  removal:
    'deprecate deprecated deprecation deprecating sunset sunsetting sunsetted remove removed removal retire retired retirement decommission decommissioned eol discontinue discontinued dropped drop kill killed shutdown 410 gone delete deleted',
  version:
    'version versions versioned v1 v2 v3 upgrade upgraded upgrading migration migrate migrated migrating major breaking backward backwards compatibility compatible incompatible',
  api: 'api apis endpoint endpoints rest graphql grpc sdk sdks client clients contract contracts schema schemas payload payloads request requests response responses webhook webhooks',
  limit: 'limit limits limited limiting throttle throttled throttling quota quotas 429 cap capped ceiling burst backpressure',
  latency:
    'latency slow slower slowness slowdown lag laggy p99 p95 sluggish delay delayed response timeout timeouts hang hangs hanging',
  batch: 'batch batches batched batching hourly nightly daily cron schedule scheduled schedules job jobs window windows backfill',
  freshness:
    'fresh freshness stale staleness outdated realtime real-time live delay delayed lag lagging behind latest sync synced syncing',
  data: 'data dataset datasets table tables warehouse lake pipeline pipelines etl ingestion ingest event events stream streaming kafka topic topics',
  report: 'report reports reporting dashboard dashboards metric metrics kpi kpis analytics numbers figures chart charts',
  retention:
    'retention retain retained purge purged purging delete deleted deletion ttl archive archived archiving history historical gdpr erasure',
  privacy:
    'privacy pii personal consent gdpr ccpa anonymise anonymize anonymised anonymized redact redacted redaction mask masked masking minimisation minimization',
  security:
    'security secure vulnerability vulnerabilities cve patch patched encryption encrypt encrypted tls certificate certificates cert certs firewall pentest audit compliance soc2',
  network:
    'network networking firewall egress ingress vpn proxy dns ip ips port ports subnet vpc allowlist routing loadbalancer lb',
  release:
    'release releases released releasing ship shipped shipping launch launched launches rollout rolled deploy deployed deploys deployment deployments cadence train freeze',
  freeze: 'freeze frozen freezes moratorium blackout embargo lock locked lockdown',
  review: 'review reviews reviewed approval approvals approve approved approver signoff gate gates gated checklist',
  build:
    'build builds ci pipeline pipelines compile compiler lint linter test tests flaky artifact artifacts gradle maven webpack bundle bundler',
  dependency: 'dependency dependencies library libraries package packages upgrade bump bumped pinned pin vendored framework',
  mobile: 'mobile ios android app apps iphone ipad phone phones tablet store testflight',
  web: 'web browser browsers frontend front-end spa page pages site website chrome safari firefox',
  desktop: 'desktop electron windows macos mac linux installer',
  ui: 'ui ux design designs screen screens button buttons layout component components style styles theme font fonts color colours colors icon icons',
  checkout: 'checkout cart basket purchase purchases order orders buy buying conversion',
  payment:
    'payment payments pay paying card cards charge charged charges refund refunds chargeback chargebacks psp stripe adyen invoice invoices billing billed',
  pricing:
    'price prices pricing plan plans tier tiers discount discounts coupon coupons promo promotion promotions subscription subscriptions',
  money: 'cost costs spend spending budget budgets bill bills expensive cheaper savings finance dollars revenue',
  fraud: 'fraud fraudulent risk risky chargeback scam abuse bot bots blocked block blocking decline declined declines',
  search: 'search searches searching query queries index indexing indexed relevance ranking results autocomplete',
  catalog: 'catalog catalogue product products sku skus listing listings inventory item items',
  shipping: 'shipping shipment shipments delivery deliveries warehouse fulfilment fulfillment carrier carriers parcel logistics',
  notify: 'notification notifications notify notified email emails mail push sms alert alerts message messages digest digests',
  support: 'support ticket tickets customer customers complaint complaints escalation escalations helpdesk zendesk csat',
  sales: 'sales deal deals prospect prospects contract contracts renewal renewals churn churned account accounts enterprise',
  docs: 'docs documentation doc documented readme guide guides changelog announcement announced',
  locale:
    'locale locales localisation localization translation translations translated language languages i18n l10n currency currencies timezone timezones',
  time: 'timezone timezones utc clock date dates timestamp timestamps dst',
  storage: 'storage disk disks s3 bucket buckets blob file files upload uploads quota',
  database:
    'database databases db postgres mysql sql query queries replica replicas index indexes migration schema shard sharding',
  cache: 'cache caches cached caching cdn invalidation invalidate ttl',
  infra:
    'infrastructure infra kubernetes k8s cluster clusters node nodes container containers docker terraform cloud aws gcp azure region regions instance instances',
  capacity: 'capacity scale scaling autoscaling memory cpu resources resource oom overload overloaded saturation',
  outage:
    'outage outages down downtime incident incidents error errors failure failures failing failed fail broke broken crash crashes crashed 500 500s exception exceptions',
  monitoring:
    'monitoring observability logs logging log trace tracing traces alerting metrics dashboard datadog prometheus grafana sampling',
  queue: 'queue queues queued message messages consumer consumers producer retries retry dlq',
  format: 'format formats formatted field fields column columns json csv xml encoding parse parsing parser serialization',
  identifier: 'id ids identifier identifiers uuid key keys',
  experiment: 'experiment experiments experimentation ab flag flags toggle toggles feature rollout cohort cohorts variant',
  onboarding: 'onboarding signup signups registration register trial trials activation',
  partner: 'partner partners vendor vendors third-party thirdparty integration integrations marketplace supplier suppliers',
  contractor: 'contractor contractors outsourced agency headcount hiring hire staffing',
  process: 'process processes policy policies rule rules standard standards requirement requirements mandate mandated mandatory',
  ownership: 'owner owners ownership own owned owning oncall on-call pager rota handover',
  planning:
    'roadmap roadmaps planning plan quarter quarterly okr okrs priority priorities prioritised prioritized deprioritised deprioritized backlog',
  meeting: 'meeting meetings sync syncs standup standups call calls',
  accessibility: 'accessibility a11y screenreader contrast wcag keyboard',
  performance: 'performance perf fast faster speed optimisation optimization bundle size',
}

const conceptsByStem = new Map<string, string[]>()
for (const [concept, words] of Object.entries(groups)) {
  for (const word of words.split(/\s+/)) {
    for (const part of word.toLowerCase().split(/[^a-z0-9]+/)) {
      if (part.length < 2) continue
      const stem = stemmer(part)
      const list = conceptsByStem.get(stem) ?? []
      if (!list.includes(concept)) list.push(concept)
      conceptsByStem.set(stem, list)
    }
  }
}

/** The concepts a stemmed word belongs to (as `~name` terms), or none. */
export function conceptsOf(stem: string): readonly string[] {
  return conceptsByStem.get(stem) ?? noConcepts
}
const noConcepts: readonly string[] = []

export const conceptNames = Object.keys(groups)
