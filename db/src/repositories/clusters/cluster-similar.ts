import {
  type ClusterSignal,
  defaultEngineOptions,
  type IncidentStatus,
  type SparseVector,
  scorePair,
  tokenize,
  type Vocabulary,
} from '@misalign/shared'
import { type SQL, sql } from 'drizzle-orm'
import { type Db, queryRows, type Tx } from '../../client'
import { type EngineRow, engineColumns, type Features, termStats } from './cluster-terms'

/**
 * Incremental placement of a new incident: find a bounded set of candidates through indexes
 * (same decision, same gap, same team pair in time, and Postgres full-text search on the rarest
 * words), then score each with the engine's pair score. Nothing scans every incident, so it
 * stays fast at 100,000 and beyond. "Similar incidents" for people come from the insight index
 * instead (insight-repository.ts, docs/decisions/013-insight-retrieval.md).
 */

/** How many candidates each index may offer; the pair score decides among them. */
const perSource = 60

type Candidate = EngineRow & { number: number; status: IncidentStatus }

const candidateColumns = sql`${engineColumns}, incidents.number, incidents.status`

/** The query's words, rarest first, as a Postgres "any of" text query (Postgres stems them itself). */
function textQuery(text: string, vocabulary: Vocabulary, limit = 6): string | null {
  const seen = new Set<string>()
  const words = tokenize(text)
    .filter((t) => /^[a-z][a-z0-9]*$/.test(t.word) && !seen.has(t.stem) && seen.add(t.stem))
    .map((t) => ({ word: t.word, df: vocabulary.documentFrequency[vocabulary.idOf(t.stem) ?? -1] ?? 0 }))
    // A word no incident uses cannot find one; a common word finds thousands, and ranking them
    // all is what makes a search slow: 1% of the corpus is the most one word may bring.
    .filter((w) => w.df > 0 && w.df <= Math.max(20, vocabulary.documents * 0.01))
    .sort((a, b) => a.df - b.df)
    .slice(0, limit)
  return words.length === 0 ? null : words.map((w) => w.word).join(' | ')
}

async function candidates(db: Db | Tx, sources: SQL[], visible: SQL | undefined): Promise<Candidate[]> {
  const byId = new Map<string, Candidate>()
  const rows = await Promise.all(
    sources.map((source) =>
      queryRows<Candidate>(
        db,
        sql`select ${candidateColumns} from incidents where ${visible ?? sql`true`} and ${source} limit ${perSource}`,
      ),
    ),
  )
  for (const list of rows) for (const row of list) byId.set(row.id, row)
  return [...byId.values()]
}

function vectorOf(text: Features, vocabulary: Vocabulary, learn: boolean): SparseVector {
  return vocabulary.vector(vocabulary.count(text, learn))
}

export interface ScoredCandidate {
  incident: Candidate
  score: number
  signals: ClusterSignal[]
  terms: string[]
}

/** Candidates for `subject` scored against it, best first. */
async function scoreAgainst(
  db: Db,
  subject: Features,
  sources: SQL[],
  visible: SQL | undefined,
  textForSearch: string,
  reader: Db | Tx = db,
): Promise<ScoredCandidate[]> {
  const vocabulary = await termStats(db)
  const search = textQuery(textForSearch, vocabulary)
  const all = [...sources]
  if (search) {
    const query = sql`to_tsquery('english', ${search})`
    all.push(sql`incidents.search_text @@ ${query} order by ts_rank(incidents.search_text, ${query}) desc`)
  }
  const found = (await candidates(reader, all, visible)).filter((c) => c.id !== subject.id)
  // Candidates first, so words only they and the subject use are known to the vocabulary.
  const vectors = found.map((c) => vectorOf(c, vocabulary, true))
  const own = { ...subject, vector: vectorOf(subject, vocabulary, false) }
  return found
    .map((incident, k) => {
      const pair = scorePair(own, { ...incident, vector: vectors[k] as SparseVector }, vocabulary)
      return { incident, score: pair.score, signals: pair.signals, terms: pair.terms }
    })
    .sort((a, b) => b.score - a.score || b.incident.number - a.incident.number)
}

const _dayString = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10)

/**
 * Every incident that could sit in a cluster with `subject` (visibility does not apply: clusters
 * hold all). `reader` runs the look-ups, so a caller inside a transaction reads through it;
 * `db` keys the cached term counts.
 */
export async function neighboursOf(db: Db, subject: EngineRow, reader: Db | Tx = db): Promise<ScoredCandidate[]> {
  const window = defaultEngineOptions.windowDays
  const sources: SQL[] = []
  if (subject.decisionId) sources.push(sql`incidents.decision_id = ${subject.decisionId} order by incidents.number desc`)
  if (subject.gapId) sources.push(sql`incidents.gap_id = ${subject.gapId} order by incidents.number desc`)
  if (subject.decisionOwnerTeamId)
    sources.push(
      sql`incidents.decision_owner_team_id = ${subject.decisionOwnerTeamId} and incidents.reporting_team_id = ${subject.reportingTeamId}
        and incidents.discovered_at between date '1970-01-01' + ${subject.day - window}::int and date '1970-01-01' + ${subject.day + window}::int`,
    )
  const scored = await scoreAgainst(db, subject, sources, undefined, `${subject.title} ${subject.narrative}`, reader)
  return scored.filter((s) => s.score >= defaultEngineOptions.threshold)
}
