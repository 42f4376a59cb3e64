/**
 * Alignment is variable: new priorities make yesterday's strategy stale, so every published
 * strategy carries a review date and is flagged once it passes (DESIGN.md, "strategies").
 */
import type { StrategyStatus } from './vocabulary'

export type StrategyFreshness = 'draft' | 'fresh' | 'stale' | 'retired'

interface ReviewedStrategy {
  status: StrategyStatus
  reviewBy: string
}

/**
 * Only a published strategy can go stale: a draft was never relied on and a retired one is no
 * longer claimed. The review day itself still counts as fresh, so owners have the whole day.
 */
export function isStale(s: ReviewedStrategy, today: string): boolean {
  // 'YYYY-MM-DD' strings order the same way as the dates they name.
  return s.status === 'published' && s.reviewBy < today
}

export function strategyFreshness(s: ReviewedStrategy, today: string): StrategyFreshness {
  switch (s.status) {
    case 'draft':
      return 'draft'
    case 'retired':
      return 'retired'
    case 'published':
      return isStale(s, today) ? 'stale' : 'fresh'
  }
}
