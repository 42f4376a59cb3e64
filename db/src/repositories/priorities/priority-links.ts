import {
  matchPriority,
  normalizePriority,
  type PriorityTradeoff,
  type RegisteredPriority,
  type StatedTradeoff,
  type Tradeoff,
} from '@misalign/shared'
import { inArray } from 'drizzle-orm'
import type { Tx } from '../../client'
import { priorities } from '../../schema/index'
import type { Actor } from '../access/audit-repository'
import { RuleViolationError } from '../support/errors'
import { createPriority, loadRegister } from './priority-repository'

/** A tradeoff as written: X and Y may name their priorities. */
export type TradeoffWithPicks = Tradeoff & { preferPriorityId?: string | undefined; overPriorityId?: string | undefined }

/** The stored form of a tradeoff, with null ids when a row predates the register. */
export function toStatedTradeoff(t: PriorityTradeoff): StatedTradeoff {
  return {
    prefer: t.prefer,
    over: t.over,
    forGoal: t.forGoal,
    preferPriorityId: t.preferPriorityId ?? null,
    overPriorityId: t.overPriorityId ?? null,
    prioritiesConfirmed: t.prioritiesConfirmed === true,
  }
}

/**
 * Which priorities a tradeoff's X and Y name (docs/decisions/015-priorities-register.md):
 * - picked ids are the person's choice: checked to exist, and confirmed when both are picked;
 * - the same words as before keep the links they had (a PATCH that resends the tradeoff
 *   does not undo a confirmation);
 * - otherwise the words are matched against the register, and words it does not know become a
 *   new priority; both are suggestions until a person confirms them.
 */
export function priorityLinker(tx: Tx, actor: Actor) {
  let register: RegisteredPriority[] | undefined

  async function side(text: string, picked: string | undefined, field: string): Promise<string> {
    if (picked) return picked
    register ??= await loadRegister(tx)
    const match = matchPriority(text, register)
    if (match) return match.priority.id
    if (!normalizePriority(text)) throw new RuleViolationError('Name the priority with letters or digits', field)
    const created = await createPriority(tx, { name: text.trim().slice(0, 120) }, actor)
    register.push({ id: created.id, name: created.name, aliases: created.aliases })
    return created.id
  }

  async function assertPicksExist(tradeoffs: readonly TradeoffWithPicks[], field: (i: number) => string): Promise<void> {
    const picked = [...new Set(tradeoffs.flatMap((t) => [t.preferPriorityId, t.overPriorityId]).filter((id) => !!id))] as string[]
    if (picked.length === 0) return
    const found = new Set(
      (await tx.select({ id: priorities.id }).from(priorities).where(inArray(priorities.id, picked))).map((r) => r.id),
    )
    tradeoffs.forEach((t, i) => {
      for (const [id, part] of [
        [t.preferPriorityId, 'preferPriorityId'],
        [t.overPriorityId, 'overPriorityId'],
      ] as const) {
        if (id && !found.has(id)) {
          throw new RuleViolationError(
            `${part} names no priority of the register; pick one from /api/v1/priorities`,
            `${field(i)}.${part}`,
          )
        }
      }
    })
  }

  return {
    async link(
      tradeoffs: readonly TradeoffWithPicks[],
      previous: readonly PriorityTradeoff[],
      field: (i: number) => string,
    ): Promise<PriorityTradeoff[]> {
      await assertPicksExist(tradeoffs, field)
      const linked: PriorityTradeoff[] = []
      for (const [i, t] of tradeoffs.entries()) {
        const same = previous.find(
          (p) =>
            normalizePriority(p.prefer) === normalizePriority(t.prefer) &&
            normalizePriority(p.over) === normalizePriority(t.over),
        )
        const picksBoth = !!t.preferPriorityId && !!t.overPriorityId
        const keep = !t.preferPriorityId && !t.overPriorityId && same?.preferPriorityId && same.overPriorityId ? same : undefined
        const preferPriorityId = keep?.preferPriorityId ?? (await side(t.prefer, t.preferPriorityId, `${field(i)}.prefer`))
        const overPriorityId = keep?.overPriorityId ?? (await side(t.over, t.overPriorityId, `${field(i)}.over`))
        if (preferPriorityId === overPriorityId) {
          throw new RuleViolationError(
            `"${t.prefer}" and "${t.over}" name the same priority: a tradeoff prefers one priority over another`,
            field(i),
          )
        }
        linked.push({
          prefer: t.prefer,
          over: t.over,
          forGoal: t.forGoal,
          preferPriorityId,
          overPriorityId,
          prioritiesConfirmed: keep ? keep.prioritiesConfirmed === true : picksBoth,
        })
      }
      return linked
    },
  }
}
