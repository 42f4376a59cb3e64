import { withoutRuledOut } from '../insight/ruled-out'

/**
 * Text similarity for the clustering engine: TF-IDF vectors with cosine similarity, built in
 * process so it runs the same on Postgres and PGlite (docs/decisions/012-clustering-engine.md).
 * Terms are lower-cased words, stop words dropped, lightly stemmed; a title counts twice.
 */

const stopWords = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between
  both but by can could did do does doing down during each few for from further had has have having he her here hers
  him his how i if in into is it its itself just me more most my no nor not now of off on once only or other our ours
  out over own same she should so some such than that the their theirs them then there these they this those through
  to too under until up very was we were what when where which while who whom why will with would you your yours
  us got get gets went go going one two new old still no nobody anyone anything every everyone without within
  weeks week days day month months instead already much many may might must need needs needed let lets`
    .split(/\s+/)
    .filter(Boolean),
)

/** Light stemming: enough to fold plurals and -ing/-ed forms, never so much it merges unrelated words. */
export function stem(word: string): string {
  let s = word
  if (s.length > 5 && s.endsWith('ies')) s = `${s.slice(0, -3)}y`
  else if (s.length > 5 && s.endsWith('ing')) s = s.slice(0, -3)
  else if (s.length > 4 && s.endsWith('ed')) s = s.slice(0, -2)
  else if (s.length > 3 && s.endsWith('s') && !s.endsWith('ss') && !s.endsWith('us')) s = s.slice(0, -1)
  // "enforce", "enforced", "enforces" and "enforcing" all meet at "enforc".
  return s.length > 4 && s.endsWith('e') ? s.slice(0, -1) : s
}

export interface Token {
  stem: string
  word: string
}

/** Words worth comparing: letters and digits, two characters or more, no stop words. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  for (const word of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (word.length < 2 || stopWords.has(word)) continue
    tokens.push({ stem: stem(word), word })
  }
  return tokens
}

export interface IncidentText {
  title: string
  narrative: string
  expected: string
  missingContext: string
}

/** A sparse, L2-normalised vector: term ids ascending, with their weights. */
export interface SparseVector {
  ids: Int32Array
  weights: Float32Array
}

export const emptyVector: SparseVector = { ids: new Int32Array(0), weights: new Float32Array(0) }

export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0
  let j = 0
  let sum = 0
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] as number
    const y = b.ids[j] as number
    if (x === y) sum += (a.weights[i] as number) * (b.weights[j] as number)
    if (x <= y) i++
    if (y <= x) j++
  }
  return sum
}

/**
 * Term ids, document frequencies and the most common spelling of each stem. Shared by every
 * document of one corpus so vectors are comparable.
 */
export class Vocabulary {
  readonly ids = new Map<string, number>()
  readonly stems: string[] = []
  readonly documentFrequency: number[] = []
  private readonly spellings: string[] = []
  documents = 0

  idOf(stem: string): number | undefined {
    return this.ids.get(stem)
  }

  /** Raw word → term id (-1: a stop word or too short), so each word is stemmed once per corpus. */
  private readonly wordIds = new Map<string, number>()

  /** Counts one document's terms; returns its term frequencies by id. */
  add(text: IncidentText): Map<number, number> {
    const counts = this.count(text, true)
    this.documents++
    for (const id of counts.keys()) this.documentFrequency[id] = (this.documentFrequency[id] ?? 0) + 1
    return counts
  }

  /**
   * Term frequencies of an incident by id, the title counting twice, without counting the
   * document. Words no document used are dropped unless `learn`. A hand-rolled scan, not
   * `tokenize`: at 100,000 incidents the token objects alone cost seconds of garbage collection.
   */
  count(text: IncidentText, learn = false): Map<number, number> {
    const counts = new Map<number, number>()
    this.scan(withoutRuledOut(text.title), 2, counts, learn)
    this.scan(withoutRuledOut(text.narrative), 1, counts, learn)
    this.scan(text.expected, 1, counts, learn)
    this.scan(text.missingContext, 1, counts, learn)
    return counts
  }

  private scan(text: string, weight: number, counts: Map<number, number>, learn: boolean): void {
    const lower = text.toLowerCase()
    let start = -1
    for (let i = 0; i <= lower.length; i++) {
      const c = i < lower.length ? lower.charCodeAt(i) : 32
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        if (start < 0) start = i
        continue
      }
      if (start < 0) continue
      const id = this.termOf(lower.slice(start, i), learn)
      start = -1
      if (id >= 0) counts.set(id, (counts.get(id) ?? 0) + weight)
    }
  }

  private termOf(word: string, learn: boolean): number {
    const known = this.wordIds.get(word)
    if (known !== undefined) return known
    if (word.length < 2 || stopWords.has(word)) {
      this.wordIds.set(word, -1)
      return -1
    }
    const s = stem(word)
    let id = this.ids.get(s)
    if (id === undefined) {
      if (!learn) return -1
      id = this.stems.length
      this.ids.set(s, id)
      this.stems.push(s)
      this.documentFrequency.push(0)
      // The first spelling met is how the stem is shown: cheap, and stable for one corpus.
      this.spellings.push(word)
    }
    this.wordIds.set(word, id)
    return id
  }

  /** Rare terms weigh more; a term in (almost) every document weighs (almost) nothing. */
  idf(id: number): number {
    return Math.log((1 + this.documents) / (1 + (this.documentFrequency[id] ?? 0)))
  }

  /** How a stem is shown to people: the first spelling met. */
  word(id: number): string {
    return this.spellings[id] ?? this.stems[id] ?? ''
  }

  /** Sub-linear term frequency × idf, normalised to unit length. */
  vector(counts: Map<number, number>): SparseVector {
    const ids = [...counts.keys()].sort((a, b) => a - b)
    const weights = new Float32Array(ids.length)
    let norm = 0
    ids.forEach((id, k) => {
      const w = (1 + Math.log(counts.get(id) ?? 1)) * this.idf(id)
      weights[k] = w
      norm += w * w
    })
    return normalised(Int32Array.from(ids), weights, norm)
  }
}

function normalised(ids: Int32Array, weights: Float32Array, squaredNorm: number): SparseVector {
  if (squaredNorm <= 0) return emptyVector
  const norm = Math.sqrt(squaredNorm)
  for (let k = 0; k < weights.length; k++) weights[k] = (weights[k] as number) / norm
  return { ids, weights }
}

/** Enough terms to say what a group is about; the long tail is noise and costs time. */
const centroidTerms = 64

/** The normalised sum of several vectors: the direction a group of documents points in. */
export function centroid(vectors: readonly SparseVector[]): SparseVector {
  const sums = new Map<number, number>()
  for (const v of vectors)
    for (let k = 0; k < v.ids.length; k++)
      sums.set(v.ids[k] as number, (sums.get(v.ids[k] as number) ?? 0) + (v.weights[k] as number))
  const kept = [...sums].sort((p, q) => q[1] - p[1]).slice(0, centroidTerms)
  const ids = kept.map(([id]) => id).sort((a, b) => a - b)
  const weights = new Float32Array(ids.length)
  let norm = 0
  ids.forEach((id, k) => {
    const w = sums.get(id) ?? 0
    weights[k] = w
    norm += w * w
  })
  return normalised(Int32Array.from(ids), weights, norm)
}

/** The terms two vectors share, heaviest contribution to their cosine first. */
export function sharedTerms(a: SparseVector, b: SparseVector, vocabulary: Vocabulary, limit = 5): string[] {
  const shared: [number, number][] = []
  let i = 0
  let j = 0
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] as number
    const y = b.ids[j] as number
    if (x === y) shared.push([x, (a.weights[i] as number) * (b.weights[j] as number)])
    if (x <= y) i++
    if (y <= x) j++
  }
  return shared
    .sort((p, q) => q[1] - p[1])
    .slice(0, limit)
    .map(([id]) => vocabulary.word(id))
}

/** Builds one vocabulary over a corpus and a vector per document, in input order. */
export function vectorize(texts: Iterable<IncidentText>): { vocabulary: Vocabulary; vectors: SparseVector[] } {
  const vocabulary = new Vocabulary()
  const counts: Map<number, number>[] = []
  for (const text of texts) counts.push(vocabulary.add(text))
  return { vocabulary, vectors: counts.map((c) => vocabulary.vector(c)) }
}
