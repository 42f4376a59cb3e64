/**
 * Words a reporter uses for what the cause was *not*. People write "we assumed it was the new
 * rate limit again, but the media service's own limiter had a bug" or "Not the 100-row problem:
 * sub-tasks are missing": the decision they rule out is named in their own words, and a
 * retrieval engine that counts every word files the report under exactly that decision
 * (docs/decisions/035-words-a-reporter-rules-out.md). These clauses are dropped before a report's
 * words are counted; everything else is kept as written.
 *
 * Two shapes, both clause by clause (a clause ends at , ; : — or the end of the sentence):
 * - a suspicion: a clause with "assumed", "thought", "suspected", "blamed", "filed it under",
 *   "expected the usual", … is dropped, up to "but", "however", "turned out" or a dash when one
 *   follows in the same sentence;
 * - a denial opening a clause: "Not the …", "It isn't …", "This is not about …" is dropped to
 *   the end of its clause.
 * A "…, but this time …" drops what came before it: the earlier story is the comparison.
 */

const suspicion =
  /\b(?:assum(?:e|ed|ing)|thought|suspect(?:ed|ing)?|blam(?:e|ed|ing)|filed it under|expected the usual|put it down to|mistook|mistaken for|red herring)\b/i
const contrast = /\s*(?:\bbut\b|\bhowever\b|\bturn(?:s|ed) out\b|\binstead\b|[—–]|\s-\s)/gi
const denialOpening =
  /^(?:and |but |so )?(?:not the\b|no,? not\b|(?:it|this|that)(?:['’]s| is| was)? (?:not|isn['’]t|wasn['’]t)\b)/i
const thisTime = /\bbut this time\b/i
const clauseEnd = /[,;:—–]|\s-\s/g
// A cheap test first, per text and per sentence: most reports rule nothing out, and the index
// reads every report.
const anyCue =
  /assum|thought|suspect|blam|filed it under|expected the usual|put it down|mistook|mistaken|red herring|this time|not the\b|\bno,? not\b|\b(?:it|this|that)(?:['’]s| is| was)? (?:not|isn['’]t|wasn['’]t)\b/i

/** `text` without the clauses that say what the cause was not. */
export function withoutRuledOut(text: string): string {
  return split(text).kept
}

/** The clauses `withoutRuledOut` drops, joined: what the reporter says the cause was not. */
export function ruledOutOf(text: string): string {
  return split(text).ruledOut
}

function split(text: string): { kept: string; ruledOut: string } {
  if (!anyCue.test(text)) return { kept: text, ruledOut: '' }
  const sentences = text.split(/(?<=[.!?])\s+/).map(splitSentence)
  const ruledOut = sentences.flatMap((s) => s.ruledOut).join(' ')
  // Unchanged sentences stay exactly as written (a clause split also splits "10:00").
  if (ruledOut.length === 0 && sentences.every((s) => !s.changed)) return { kept: text, ruledOut: '' }
  return {
    kept: sentences
      .map((s) => s.kept)
      .filter((k) => k.length > 0)
      .join(' '),
    ruledOut,
  }
}

function splitSentence(sentence: string): { kept: string; ruledOut: string[]; changed: boolean } {
  if (!anyCue.test(sentence)) return { kept: sentence, ruledOut: [], changed: false }
  const ruledOut: string[] = []
  let rest = sentence
  const time = thisTime.exec(rest)
  if (time) {
    ruledOut.push(rest.slice(0, time.index))
    rest = rest.slice(time.index + time[0].length)
  }
  const kept: string[] = []
  while (rest.length > 0) {
    const [clause, after] = splitClause(rest)
    const cue = suspicion.exec(clause)
    if (cue) {
      // Drop up to a contrast after the cue in the sentence; with none, only this clause goes.
      const turn = firstMatch(contrast, rest, cue.index + cue[0].length)
      ruledOut.push(turn === null ? clause : rest.slice(0, turn))
      rest = turn === null ? after : rest.slice(turn)
      continue
    }
    const trimmed = clause.trim()
    if (denialOpening.test(trimmed)) ruledOut.push(trimmed)
    else kept.push(trimmed)
    rest = after
  }
  const changed = ruledOut.length > 0
  return { kept: changed ? kept.filter(Boolean).join(', ') : sentence, ruledOut, changed }
}

/** The first clause of `text` and what follows its boundary. */
function splitClause(text: string): [string, string] {
  clauseEnd.lastIndex = 0
  const end = clauseEnd.exec(text)
  if (!end) return [text, '']
  return [text.slice(0, end.index), text.slice(end.index + end[0].length)]
}

/** Where the first match of `pattern` at or after `from` ends, or null. */
function firstMatch(pattern: RegExp, text: string, from: number): number | null {
  pattern.lastIndex = from
  const m = pattern.exec(text)
  return m === null ? null : m.index + m[0].length
}
