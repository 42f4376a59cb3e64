import { Field } from './field'
import { PriorityField } from './priority-field'

/** A tradeoff as a form holds it: the words, and the register's priorities when picked. */
export interface TradeoffFieldsValue {
  prefer: string
  over: string
  forGoal: string
  preferPriorityId?: string | null
  overPriorityId?: string | null
}

/**
 * The three parts of "we prefer X over Y, for goal Z", labelled the same in every form that
 * states one (decisions, strategies, a retro, a report's new decision). With `withPriorities`, X
 * and Y are picked from the priorities register (PriorityField); without, they are plain words.
 * Ids are `${idPrefix}-prefer`, `-over` and `-goal`. The fieldset and its legend stay with the
 * form: each says why it asks in its own words.
 */
export function TradeoffFields({
  idPrefix,
  value,
  onChange,
  withPriorities = false,
  isGrid = true,
  maxLength,
}: {
  idPrefix: string
  value: TradeoffFieldsValue
  onChange: (change: Partial<TradeoffFieldsValue>) => void
  withPriorities?: boolean
  /** Side by side on wide screens (`tradeoff-grid`), or stacked like the form's other fields. */
  isGrid?: boolean
  maxLength?: number
}) {
  const fields = (
    <>
      {withPriorities ? (
        <>
          <PriorityField
            id={`${idPrefix}-prefer`}
            label="We prefer"
            value={{ text: value.prefer, priorityId: value.preferPriorityId ?? null }}
            onChange={(pick) => onChange({ prefer: pick.text, preferPriorityId: pick.priorityId })}
          />
          <PriorityField
            id={`${idPrefix}-over`}
            label="over"
            value={{ text: value.over, priorityId: value.overPriorityId ?? null }}
            onChange={(pick) => onChange({ over: pick.text, overPriorityId: pick.priorityId })}
          />
        </>
      ) : (
        <>
          <Field id={`${idPrefix}-prefer`} label="We prefer">
            {(c) => (
              <input {...c} value={value.prefer} maxLength={maxLength} onChange={(e) => onChange({ prefer: e.target.value })} />
            )}
          </Field>
          <Field id={`${idPrefix}-over`} label="over">
            {(c) => (
              <input {...c} value={value.over} maxLength={maxLength} onChange={(e) => onChange({ over: e.target.value })} />
            )}
          </Field>
        </>
      )}
      <Field id={`${idPrefix}-goal`} label="for goal">
        {(c) => (
          <input {...c} value={value.forGoal} maxLength={maxLength} onChange={(e) => onChange({ forGoal: e.target.value })} />
        )}
      </Field>
    </>
  )
  return isGrid ? <div className="tradeoff-grid">{fields}</div> : fields
}
