import type { Token } from './tokens'

/**
 * "align" has a plain physical and technical sense (text, memory, wheels, DNA) that is not
 * jargon at all. A word from those worlds near the jargon word, in the same sentence, means the
 * plain sense. Part-of-speech tagging cannot tell the two apart ("the columns are misaligned" and
 * "the teams are misaligned" tag the same), so the neighbourhood decides.
 */
const PLAIN_SENSE_WORDS = new Set([
  ...['text', 'center', 'centre', 'centered', 'centred', 'vertically', 'horizontally'],
  ...['column', 'columns', 'row', 'rows', 'cell', 'cells', 'grid', 'table', 'tables', 'layout', 'baseline'],
  ...['pixel', 'pixels', 'px', 'margin', 'margins', 'padding', 'pad', 'font', 'fonts', 'css', 'flex', 'flexbox'],
  ...['icon', 'icons', 'button', 'buttons', 'image', 'images', 'logo', 'logos', 'label', 'labels', 'axis', 'axes'],
  ...['modal', 'dialog', 'tooltip', 'dropdown', 'checkbox', 'keyboard', 'viewport', 'browser', 'ios', 'android'],
  ...['gridline', 'gridlines', 'tick', 'ticks', 'border', 'borders', 'glyph', 'glyphs', 'indent', 'indentation'],
  ...['header', 'headers', 'footer', 'paragraph', 'heading', 'svg', 'barcode', 'printer'],
  ...['memory', 'byte', 'bytes', 'bit', 'bits', 'boundary', 'boundaries', 'buffer', 'buffers', 'struct', 'structs'],
  ...['pointer', 'pointers', 'simd', 'cache', 'heap', 'malloc', 'offset', 'offsets'],
  ...['sector', 'sectors', 'disk', 'partition', 'partitions', 'x86', 'word-aligned'],
  ...['headlight', 'headlights', 'headlamp', 'headlamps', 'beam', 'beams', 'suspension', 'steering'],
  ...['wheel', 'wheels', 'tire', 'tires', 'tyre', 'tyres', 'axle', 'chassis', 'mirror', 'mirrors', 'laser', 'lens'],
  ...['dna', 'rna', 'genome', 'genomes', 'protein', 'proteins', 'spine', 'teeth'],
  ...['millimetre', 'millimetres', 'millimeter', 'millimeters', 'mm', 'inch', 'inches', 'degrees', 'antenna'],
])

// Words with a common sense in an org too ("the right call", "the same page", "the tech stack"):
// they mean the plain sense only right next to the jargon word ("align left", "sequence alignment").
const NEXT_TO_WORDS = new Set(['left', 'right', 'page', 'pages', 'stack', 'sequence', 'sequences', 'arm', 'register'])

/** How many words either side of the jargon word are looked at. */
const NEIGHBOURHOOD = 6

function isPlainSenseWord(word: string): boolean {
  if (PLAIN_SENSE_WORDS.has(word)) return true
  // "64-byte", "left-hand": a joined word counts if one of its parts does.
  return word.includes('-') && word.split('-').some((part) => PLAIN_SENSE_WORDS.has(part))
}

/** Is the jargon-looking word at `i` used in its plain, physical sense? */
export function isPlainSense(tokens: Token[], i: number): boolean {
  for (const step of [-1, 1]) {
    let seen = 0
    for (let k = i + step; k >= 0 && k < tokens.length && seen < NEIGHBOURHOOD; k += step) {
      const token = tokens[k]
      if (!token || token.endsSentence) break
      if (token.word === null) continue
      seen++
      if (isPlainSenseWord(token.word) || (seen === 1 && NEXT_TO_WORDS.has(token.word))) return true
    }
  }
  return false
}
