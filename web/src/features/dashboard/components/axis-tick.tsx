import { colors } from './chart-kit'

interface TickProps {
  x?: number | string
  y?: number | string
  payload?: { value?: unknown }
  textAnchor?: string
  verticalAnchor?: string
  tickFormatter?: (value: unknown, index: number) => string
  index?: number
}

const baseline: Record<string, 'hanging' | 'central' | 'auto'> = { start: 'hanging', middle: 'central', end: 'auto' }

/**
 * A tick label as plain SVG text. recharts' own tick measures every word in a hidden span to
 * wrap it, which forced a layout per label and was most of the dashboard's first-render time;
 * our labels are short (long titles are cut by `shorten`, keeping the whole title as a tooltip),
 * so nothing needs wrapping.
 */
function PlainTick(props: TickProps) {
  const value = props.payload?.value
  const text = props.tickFormatter ? props.tickFormatter(value, props.index ?? 0) : String(value ?? '')
  return (
    <text
      x={props.x}
      y={props.y}
      textAnchor={(props.textAnchor as 'start' | 'middle' | 'end' | undefined) ?? 'middle'}
      dominantBaseline={baseline[props.verticalAnchor ?? 'middle'] ?? 'central'}
      dy={props.verticalAnchor === 'start' ? 4 : 0}
      fill={colors.text}
      fontSize={12}
    >
      {text}
      {/* A cut label keeps its whole text as the tick's tooltip (and for screen readers). */}
      {text !== String(value ?? '') && <title>{String(value ?? '')}</title>}
    </text>
  )
}

export const axisTick = (props: unknown) => <PlainTick {...(props as TickProps)} />
