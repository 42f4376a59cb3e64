/** A plain-text table: the first column left-aligned, the others right-aligned. */
export function table(header: string[], rows: string[][], indent = '  '): string {
  const all = [header, ...rows]
  const widths = header.map((_, col) => Math.max(...all.map((row) => (row[col] ?? '').length)))
  const line = (row: string[]) =>
    indent +
    row
      .map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0)))
      .join('   ')
      .trimEnd()
  const rule = indent + widths.map((w) => '-'.repeat(w)).join('   ')
  return [line(header), rule, ...rows.map(line)].join('\n')
}

/** A number for a table cell: fixed decimals, thousands separated, "–" for no data. */
export function num(value: number, decimals = 1): string {
  if (!Number.isFinite(value)) return '–'
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
}
