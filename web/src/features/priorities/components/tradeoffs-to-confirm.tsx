import type { TradeoffToConfirm } from '@misalign/shared'
import { useState } from 'react'
import { Link } from 'react-router'
import { EmptyState, Loading, ProblemMessage } from '../../../components/feedback'
import { PriorityField, type PriorityPick } from '../../../components/priority-field'
import { ShowMore } from '../../../components/show-more'
import { useConfirmTradeoff, useTradeoffsToConfirm } from '../api/priorities'

/**
 * Tradeoffs whose X and Y were suggested from their words (old free-text tradeoffs, or words
 * typed without picking). Until a person confirms them, conflicts found through them say so.
 */
export function TradeoffsToConfirm({ mayConfirm }: { mayConfirm: boolean }) {
  const list = useTradeoffsToConfirm()
  if (list.isPending) return <Loading label="Loading tradeoffs to confirm" />
  if (list.error) return <ProblemMessage error={list.error} title="The tradeoffs to confirm could not be loaded." />
  const items = list.data.pages.flatMap((p) => p.items)
  const total = list.data.pages[0]?.total ?? 0
  return (
    <section aria-labelledby="to-confirm-heading" className="card">
      <h2 id="to-confirm-heading">Tradeoffs to confirm ({total})</h2>
      <p className="hint">
        The tracker matched these tradeoffs’ words to priorities. Conflicts found through them are marked as suggested until a
        lead confirms or changes the match.
      </p>
      {items.length === 0 ? (
        <EmptyState>
          <p>Every tradeoff names its priorities.</p>
        </EmptyState>
      ) : (
        <ul className="to-confirm-list">
          {items.map((item) => (
            <ToConfirmItem
              key={`${item.holderKind}:${item.holderId}:${item.tradeoffIndex}`}
              item={item}
              mayConfirm={mayConfirm}
            />
          ))}
        </ul>
      )}
      <ShowMore list={list} label="Show more" />
    </section>
  )
}

function ToConfirmItem({ item, mayConfirm }: { item: TradeoffToConfirm; mayConfirm: boolean }) {
  const confirm = useConfirmTradeoff(item)
  const [prefer, setPrefer] = useState<PriorityPick>({
    text: item.preferPriorityName ?? item.prefer,
    priorityId: item.preferPriorityId,
  })
  const [over, setOver] = useState<PriorityPick>({ text: item.overPriorityName ?? item.over, priorityId: item.overPriorityId })
  const id = `confirm-${item.holderId}-${item.tradeoffIndex}`
  const href = `/${item.holderKind === 'decision' ? 'decisions' : 'strategies'}/${item.holderId}`
  return (
    <li className="to-confirm">
      <p>
        {item.holderKind === 'decision' ? 'Decision' : 'Strategy'} <Link to={href}>{item.holderTitle}</Link>: “we prefer{' '}
        {item.prefer} over {item.over}, for goal {item.forGoal}”
      </p>
      {mayConfirm ? (
        <>
          <div className="tradeoff-grid">
            <PriorityField id={`${id}-prefer`} label={`“${item.prefer}” is the priority`} value={prefer} onChange={setPrefer} />
            <PriorityField id={`${id}-over`} label={`“${item.over}” is the priority`} value={over} onChange={setOver} />
          </div>
          <ProblemMessage error={confirm.error} title="Not confirmed." />
          <button
            type="button"
            className="button-primary"
            disabled={confirm.isPending || !prefer.priorityId || !over.priorityId}
            onClick={() =>
              prefer.priorityId &&
              over.priorityId &&
              confirm.mutate({ preferPriorityId: prefer.priorityId, overPriorityId: over.priorityId })
            }
          >
            {confirm.isPending ? 'Confirming…' : 'Confirm priorities'}
          </button>
        </>
      ) : (
        <p className="hint">
          Suggested: {item.preferPriorityName ?? '—'} over {item.overPriorityName ?? '—'}. Leads, leaders and admins confirm it.
        </p>
      )}
    </li>
  )
}
