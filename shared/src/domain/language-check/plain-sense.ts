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

/**
 * Words that put a sentence in an org: people, teams, decisions and what they weigh. "aligned"
 * and "align" without any of them near ("check that the brackets are aligned") are taken in their
 * plain sense: the physical world is too large to list, the org's words are not.
 */
const ORG_WORDS = new Set([
  ...['we', 'us', 'our', "let's", 'they', 'them', 'their', 'you', 'your', 'i', 'everyone', 'everybody', 'nobody'],
  ...['he', 'she', 'him', 'her', 'people', 'stakeholders', 'leadership', 'management', 'leads', 'leaders'],
  ...['decision', 'decisions', 'agreement', 'change', 'changes', 'plan', 'plans', 'roadmap', 'roadmaps', 'strategy'],
  ...['goal', 'goals', 'priority', 'priorities', 'okr', 'okrs', 'objectives', 'incentives', 'expectations', 'vision'],
  ...['scope', 'budget', 'launch', 'release', 'deadline', 'timeline', 'policy', 'process', 'meeting', 'meetings'],
  ...['product', 'engineering', 'design', 'sales', 'marketing', 'finance', 'legal', 'security', 'support', 'ops'],
])
const TEAMS = new Set(['team', 'teams', "team's", "teams'", 'squad', 'squads', 'org', 'orgs', 'department'])
const ABOUT = new Set(['on', 'about', 'around'])

/** Each word of the sentence within the neighbourhood of `i`, with its distance. */
function* neighbours(tokens: Token[], i: number): Generator<{ word: string; index: number; distance: number }> {
  for (const step of [-1, 1]) {
    let distance = 0
    for (let k = i + step; k >= 0 && k < tokens.length && distance < NEIGHBOURHOOD; k += step) {
      const token = tokens[k]
      if (!token || token.endsSentence) break
      if (token.word === null) continue
      distance++
      yield { word: token.word, index: k, distance }
    }
  }
}

/**
 * Is the jargon-looking word at `i` used in its plain, physical sense? A word from those worlds
 * nearby says so, unless a team is named too ("the Android and iOS teams are not aligned").
 * The verb and participle also need some sign of an org nearby: a person, a team, a name, a
 * decision, or "on/about" after them ("aligned on the plan").
 */
export function isPlainSense(text: string, tokens: Token[], i: number, isNoun: boolean): boolean {
  let hasPlainWord = false
  let hasTeam = false
  let hasOrgCue = ABOUT.has(tokens[i + 1]?.word ?? '')
  for (const { word, index, distance } of neighbours(tokens, i)) {
    hasPlainWord ||= isPlainSenseWord(word) || (distance === 1 && NEXT_TO_WORDS.has(word))
    hasTeam ||= TEAMS.has(word)
    hasOrgCue ||= ORG_WORDS.has(word) || isName(text, tokens, index)
  }
  if (hasTeam) return false
  return hasPlainWord || (!isNoun && !hasOrgCue)
}

/** A capitalised word inside a sentence that is not an acronym ("Payments", not "PDF" or "iOS"). */
function isName(text: string, tokens: Token[], index: number): boolean {
  const token = tokens[index]
  if (!token || index === 0 || tokens[index - 1]?.word === null) return false
  const first = text[token.start] ?? ''
  const second = text[token.start + 1] ?? ''
  return first !== first.toLowerCase() && second !== '' && second === second.toLowerCase() && second !== second.toUpperCase()
}
