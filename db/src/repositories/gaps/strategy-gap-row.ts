import type { StrategyGap } from '@misalign/shared'
import type { StrategyGapRow } from '../../schema/index'

const step = (at: Date | null, byId: string | null) => ({ at: at?.toISOString() ?? null, byId })

export function toStrategyGap(row: StrategyGapRow, decisionIds: readonly string[]): StrategyGap {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    ownerId: row.ownerId,
    status: row.status,
    addressedByStrategyId: row.addressedByStrategyId,
    wontFixReason: row.wontFixReason,
    acknowledged: step(row.acknowledgedAt, row.acknowledgedById),
    published: step(row.publishedAt, row.publishedById),
    verified: step(row.verifiedAt, row.verifiedById),
    wontFix: step(row.wontFixAt, row.wontFixById),
    decisionIds: [...decisionIds],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  }
}
