import { stemmer } from 'stemmer'
import { conceptsOf } from './concepts'
import { ruledOutOf, withoutRuledOut } from './ruled-out'

/**
 * Ranked retrieval over short reports (docs/decisions/013-insight-retrieval.md): Porter stems,
 * field weights, a concept term beside each word that belongs to a concept, and Okapi BM25.
 * Pure and in process, so PGlite and Postgres rank alike and a draft is scored against every
 * document the index holds, not only those a database text search happened to return.
 */

const stopWords = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between
  both but by can could did do does doing down during each few for from further had has have having he her here hers
  him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our ours
  out over own same she should so some such than that the their theirs them then there these they this those through
  to too under until up very was we were what when where which while who whom why will with would you your yours
  us got get gets went go going one new still nobody anyone anything every everyone without within
  instead already much many may might must need needs needed let lets team teams thing things way lot bit
  really just yet even since ago like know knew think thought said say says make made want wanted used use using
  i'm it's don't didn't can't won't wasn't isn't we're they're there's that's`
    .split(/\s+/)
    .filter(Boolean),
)

/** One field of a document and how much a word in it counts. */
export type WeightedField = readonly [text: string | null | undefined, weight: number]

/** A word counts this much less as its concept than as itself: a concept is a looser match. */
export const conceptWeight = 0.35

/** Term ids shared by every index of one engine, so a query is counted once for all of them. */
export class TermTable {
  private readonly ids = new Map<string, number>()
  private readonly names: string[] = []
  /** How a term is shown to people: the first spelling met, not the stem. */
  private readonly spellings: string[] = []
  private readonly stems = new Map<string, string | null>()

  idOf(term: string, learn: boolean, spelling = term): number {
    let id = this.ids.get(term)
    if (id === undefined) {
      if (!learn) return -1
      id = this.names.length
      this.ids.set(term, id)
      this.names.push(term)
      this.spellings.push(spelling)
    }
    return id
  }

  name(id: number): string {
    return this.names[id] ?? ''
  }

  spelling(id: number): string {
    return this.spellings[id] ?? ''
  }

  /** Stem of a lower-case word, or null for stop words and noise; memoised per word. */
  stemOf(word: string): string | null {
    const known = this.stems.get(word)
    if (known !== undefined) return known
    const stem = word.length < 2 || stopWords.has(word) || (/^\d+$/.test(word) && word.length > 4) ? null : stemmer(word)
    this.stems.set(word, stem)
    return stem
  }

  /**
   * Weighted term counts of a document. With `learn` false, words no indexed document used are
   * dropped (they cannot match anything). Concepts are counted once per field and word.
   */
  count(fields: readonly WeightedField[], learn: boolean): Map<number, number> {
    const counts = new Map<number, number>()
    const add = (term: string, weight: number, spelling?: string) => {
      const id = this.idOf(term, learn, spelling)
      if (id >= 0) counts.set(id, (counts.get(id) ?? 0) + weight)
    }
    for (const [text, weight] of fields) {
      if (!text) continue
      for (const word of text.toLowerCase().split(/[^a-z0-9]+/)) {
        const stem = this.stemOf(word)
        if (!stem) continue
        add(stem, weight, word)
        for (const concept of conceptsOf(stem)) add(`~${concept}`, weight * conceptWeight)
      }
    }
    return counts
  }
}

export interface Bm25Options {
  k1: number
  b: number
}
export const reportBm25: Bm25Options = { k1: 1.2, b: 0.6 }

/** A word in more than this share of documents is not shown as a reason. */
const explainingShare = 0.15
/** A term's document frequency above this share of the corpus says nothing worth a posting walk. */
const maxDocumentShare = 0.25
/**
 * Postings one search may walk: keeps a search over 100,000 reports to a few milliseconds. Small
 * corpora never reach it, so their ranking is exact BM25.
 */
const postingBudget = 30_000

/** An inverted index of documents over one TermTable, scored with BM25. */
export class TextIndex {
  private readonly postings: number[][] = []
  private readonly lengths: number[] = []
  private totalLength = 0
  private liveCount = 0
  private readonly removed = new Set<number>()
  private accumulator = new Float64Array(0)

  constructor(
    readonly terms: TermTable,
    private readonly options: Bm25Options = reportBm25,
  ) {}

  get size(): number {
    return this.liveCount
  }

  /** Adds a document; returns its number in this index. */
  add(counts: ReadonlyMap<number, number>): number {
    const doc = this.lengths.length
    let length = 0
    for (const [term, tf] of counts) {
      let list = this.postings[term]
      if (!list) {
        list = []
        this.postings[term] = list
      }
      list.push(doc, tf)
      length += tf
    }
    this.lengths.push(length)
    this.totalLength += length
    this.liveCount++
    return doc
  }

  /** Forgets a document (a later version is added anew): it stops matching at once. */
  remove(doc: number): void {
    if (this.removed.has(doc) || doc >= this.lengths.length) return
    this.removed.add(doc)
    this.totalLength -= this.lengths[doc] ?? 0
    this.liveCount--
  }

  documentFrequency(term: number): number {
    const list = this.postings[term]
    return list ? list.length / 2 : 0
  }

  idf(term: number): number {
    const n = Math.max(1, this.liveCount)
    const df = Math.min(n, this.documentFrequency(term))
    return Math.log(1 + (n - df + 0.5) / (df + 0.5))
  }

  /** Query term weights: a word repeated in a draft counts more, with diminishing returns. */
  private queryWeight(tf: number): number {
    return (tf * 2.2) / (tf + 1.2)
  }

  /**
   * BM25 of every document sharing a term with the query, divided by the score the query would
   * get against itself as a document, so scores read like a similarity (1: says the same) and
   * are comparable across drafts of different lengths.
   */
  search(query: ReadonlyMap<number, number>, accept?: (doc: number) => boolean, budget = postingBudget): Map<number, number> {
    const { k1, b } = this.options
    const average = this.liveCount > 0 ? this.totalLength / this.liveCount : 1
    // One accumulator per index, reused: a Map update per posting costs more than the scoring.
    if (this.accumulator.length < this.lengths.length) this.accumulator = new Float64Array(this.lengths.length * 2)
    const accumulator = this.accumulator
    const touched: number[] = []
    let queryLength = 0
    for (const tf of query.values()) queryLength += tf
    const selfNorm = k1 * (1 - b + (b * queryLength) / average)
    let self = 0
    // Rarest terms first: they say most, and cost least.
    const terms = [...query.keys()].sort((x, y) => this.documentFrequency(x) - this.documentFrequency(y))
    let visited = 0
    for (const term of terms) {
      const qtf = query.get(term) ?? 0
      const weight = this.queryWeight(qtf) * this.idf(term)
      self += (weight * (qtf * (k1 + 1))) / (qtf + selfNorm)
      const list = this.postings[term]
      if (!list || list.length / 2 > Math.max(50, this.liveCount * maxDocumentShare)) continue
      // Past the budget, common terms are left out: their weight is small and their lists long.
      if (visited > 0 && visited + list.length / 2 > budget) continue
      visited += list.length / 2
      for (let p = 0; p < list.length; p += 2) {
        const doc = list[p] as number
        if (this.removed.has(doc) || (accept && !accept(doc))) continue
        const tf = list[p + 1] as number
        const norm = k1 * (1 - b + (b * (this.lengths[doc] as number)) / average)
        if (accumulator[doc] === 0) touched.push(doc)
        accumulator[doc] = (accumulator[doc] as number) + (weight * (tf * (k1 + 1))) / (tf + norm)
      }
    }
    const scores = new Map<number, number>()
    for (const doc of touched) {
      if (self > 0) scores.set(doc, (accumulator[doc] as number) / self)
      accumulator[doc] = 0
    }
    return scores
  }

  /** The query terms a document shares with it, heaviest first (for "why was this offered"). */
  sharedTerms(query: ReadonlyMap<number, number>, doc: number, limit = 4): string[] {
    const shared: [string, number][] = []
    for (const [term, qtf] of query) {
      // Concepts and words most documents use ("decided", "team") explain nothing to a person.
      if (this.terms.name(term).startsWith('~')) continue
      if (this.liveCount >= 10 && this.documentFrequency(term) > this.liveCount * explainingShare) continue
      const list = this.postings[term]
      if (list && hasDoc(list, doc)) shared.push([this.terms.spelling(term), qtf * this.idf(term)])
    }
    return shared
      .sort((x, y) => y[1] - x[1])
      .slice(0, limit)
      .map(([name]) => name)
  }
}

/**
 * Whether a posting list (flat doc, tf pairs) holds `doc`. Documents are added in ascending
 * order, so a binary search: a suggestion reached through its decision shares few words with
 * the draft, and a linear walk read every long list to the end to find that out.
 */
function hasDoc(list: readonly number[], doc: number): boolean {
  let lo = 0
  let hi = list.length / 2 - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const at = list[mid * 2] as number
    if (at === doc) return true
    if (at < doc) lo = mid + 1
    else hi = mid - 1
  }
  return false
}

/** Fields of an incident and how much a word in each counts: a title says most per word. */
export interface IncidentWords {
  title: string
  narrative: string
  expected: string
  missingContext: string
  harmedGoal?: string | null
}
export const incidentFields = (i: IncidentWords): WeightedField[] => [
  [withoutRuledOut(i.title), 2],
  [withoutRuledOut(i.narrative), 1],
  [i.expected, 0.6],
  [i.missingContext, 0.8],
  [i.harmedGoal, 0.4],
]
/** What the reporter says the cause was not ("we assumed the new limits, but …"): evidence against a decision. */
export const ruledOutFields = (i: IncidentWords): WeightedField[] => [
  [ruledOutOf(i.title), 2],
  [ruledOutOf(i.narrative), 1],
]

export interface DecisionWords {
  title: string
  summary: string
  prefer?: string | null
  over?: string | null
  forGoal?: string | null
}
export const decisionFields = (d: DecisionWords): WeightedField[] => [
  [d.title, 2],
  [d.summary, 1],
  [d.prefer, 0.8],
  [d.over, 0.8],
  [d.forGoal, 0.5],
]

/** A report's words as a draft holds them: what it says, and what it says the cause was not. */
export function draftWords(
  terms: TermTable,
  words: IncidentWords,
): { query: Map<number, number>; ruledOut: Map<number, number> } {
  return { query: terms.count(incidentFields(words), false), ruledOut: terms.count(ruledOutFields(words), false) }
}
