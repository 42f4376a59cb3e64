/**
 * The demo priorities register: what the org's tradeoffs pick their X and Y from, with the
 * other words people use for each (docs/decisions/015-priorities-register.md).
 */
export interface PrioritySpec {
  name: string
  aliases: readonly string[]
  description: string
}

const p = (name: string, aliases: readonly string[], description: string): PrioritySpec => ({ name, aliases, description })

export const priorityCatalog: readonly PrioritySpec[] = [
  p('Reliability', ['uptime', 'stability', 'fewer Sev-1 incidents'], 'Systems stay up and behave as promised.'),
  p('Feature velocity', ['delivery speed', 'shipping fast'], 'How quickly new features reach customers.'),
  p('Consistency across clients', ['one integration surface'], 'Every client integrates the same way.'),
  p('Per-team freedom', ['team autonomy'], 'Teams choose their own tools and ways of working.'),
  p('Lower cloud cost', ['infrastructure spend', 'cheaper infrastructure', 'cloud bill'], 'Spend less on cloud infrastructure.'),
  p('Peak performance', ['p99 latency', 'fast page loads'], 'The fastest response at the busiest moment.'),
  p('Shipping behind flags early', ['dark launches'], 'Release unfinished work behind flags to learn sooner.'),
  p('Polished launches', ['big reveals'], 'Launch only when it is complete and polished.'),
  p('Data freshness', ['real-time data', 'same-day data'], 'Numbers reflect what happened today.'),
  p('Query cost', ['warehouse spend'], 'What analytical queries cost to run.'),
  p('Index freshness', ['up-to-date search results', 'search freshness'], 'New and changed listings appear in search quickly.'),
  p('Security hardening', ['least privilege', 'tighter access controls'], 'Fewer ways in for an attacker.'),
  p('Developer convenience', ['developer experience', 'DX'], 'Engineers get their work done with the least friction.'),
  p('Small batches', ['frequent small releases'], 'Ship little and often.'),
  p('Big-bang releases', ['large coordinated releases'], 'Ship many changes together, rarely.'),
  p(
    'Privacy by default',
    ['data minimisation', 'collect less data'],
    'Collect and keep the least personal data that does the job.',
  ),
  p(
    'Richer personalisation',
    ['personalisation', 'tailored recommendations', 'personalised feeds'],
    'Each user sees what fits them.',
  ),
  p('A simple platform', ['fewer platform features'], 'A platform a small team can run.'),
  p('Bespoke per-team features', ['custom platform features'], 'The platform adapts to each team.'),
  p('Battery life', ['power efficiency'], 'The app drains the phone as little as possible.'),
  p('Real-time updates', ['live updates', 'instant notifications'], 'Users see changes the moment they happen.'),
  p('Time to market', ['launch dates'], 'Be first to the market.'),
  p('Long-term architecture', ['clean architecture'], 'Designs that stay easy to change for years.'),
  p('Backward compatibility', ['backwards compatibility', 'not breaking clients'], 'Existing callers keep working unchanged.'),
  p('API cleanliness', ['a tidy API'], 'An API without legacy corners.'),
  p('Checkout conversion', ['conversion rate', 'fewer checkout drop-offs'], 'More started checkouts end in a payment.'),
  p('Fraud-check strictness', ['fraud screening', 'strict fraud checks'], 'Suspicious payments are stopped before they cost us.'),
  p('Accessibility', ['WCAG compliance'], 'Everyone can use the product, whatever their abilities.'),
  p('Visual polish', ['on-brand visuals'], 'Screens look finished and on brand.'),
]

/**
 * Demo strategies whose tradeoffs are worded differently from the register's names: two real
 * conflicts (found once both sides name the same priorities, where scopes overlap) and two
 * look-alikes that are not conflicts (disjoint scopes; the same ordering in other words).
 */
export const priorityDemoStrategies = [
  {
    title: 'Personalised feeds for returning users',
    context: 'Returning users who see tailored content stay twice as long.',
    owner: 'recommendations',
    scope: ['recommendations', 'growth-experiments'],
    // Opposite of the data-retention strategy (privacy by default over richer personalisation), which also covers recommendations.
    tradeoff: { prefer: 'Tailored recommendations', over: 'data minimisation', forGoal: 'lift 30-day retention by 3 points' },
  },
  {
    title: 'Fresh search results for new listings',
    context: 'Sellers complain that new listings take a day to appear in search.',
    owner: 'seo',
    scope: ['seo', 'search'],
    // Opposite of the search team's decision (lower cloud cost over index freshness).
    tradeoff: { prefer: 'up-to-date search results', over: 'infrastructure spend', forGoal: 'index new listings within an hour' },
  },
  {
    title: 'Accessible onboarding',
    context: 'A fifth of sign-ups use assistive technology at some point.',
    owner: 'onboarding',
    scope: ['onboarding'],
    // Opposite of the next one, but the two never apply to the same team: not a conflict.
    tradeoff: { prefer: 'WCAG compliance', over: 'visual polish', forGoal: 'no sign-up blocked by the form' },
  },
  {
    title: 'On-brand marketing pages',
    context: 'The brand refresh launches with the spring campaign.',
    owner: 'lifecycle-marketing',
    scope: ['lifecycle-marketing'],
    tradeoff: { prefer: 'on-brand visuals', over: 'accessibility', forGoal: 'launch the spring campaign on brand' },
  },
  {
    title: 'Quiet notifications',
    context: 'Uninstalls spike after battery warnings.',
    owner: 'notifications',
    scope: ['notifications'],
    // The same ordering as the notifications decision (battery life over real-time updates), in other words.
    tradeoff: { prefer: 'power efficiency', over: 'live updates', forGoal: 'fewer uninstalls after battery warnings' },
  },
] as const
