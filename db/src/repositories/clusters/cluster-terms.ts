import { type EngineIncident, type IncidentFeatures, type IncidentText, Vocabulary } from '@misalign/shared'
import { type SQL, sql } from 'drizzle-orm'
import { type Db, queryRows, type Tx } from '../../client'

/**
 * How often each term occurs across all incidents: the IDF half of TF-IDF for "similar
 * incidents", incremental placement and explanations. Rebuilding it reads every incident's text
 * (a second or two at 100,000), so it is kept per database handle and refreshed in the
 * background when older than `maxAgeMs`; a slightly old document frequency changes no ranking
 * that matters. It is derived state: any instance can rebuild it, nothing depends on it surviving.
 */
const maxAgeMs = 10 * 60_000

interface Entry {
  vocabulary: Vocabulary
  builtAt: number
  refreshing?: Promise<void>
}
const cache = new WeakMap<object, Entry>()
const pending = new WeakMap<object, Promise<Entry>>()

/** The columns the engine reads, as a select list over `incidents`. */
export const engineColumns = sql`incidents.id, incidents.decision_id as "decisionId", incidents.gap_id as "gapId",
  incidents.decision_owner_team_id as "decisionOwnerTeamId", incidents.reporting_team_id as "reportingTeamId",
  (incidents.discovered_at - date '1970-01-01')::int as day, incidents.title, incidents.narrative,
  incidents.expected, incidents.missing_context as "missingContext", incidents.restricted`

export type EngineRow = EngineIncident & { restricted: boolean }

export async function loadEngineRows(db: Db | Tx, where: SQL = sql`true`): Promise<EngineRow[]> {
  // Sorted here, not by Postgres: ordering 100,000 rows with their text spills to disk there.
  const rows = await queryRows<EngineRow>(db, sql`select ${engineColumns} from incidents where ${where}`)
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

async function build(db: Db): Promise<Entry> {
  const vocabulary = new Vocabulary()
  const rows = await queryRows<IncidentText>(
    db,
    sql`select title, narrative, expected, missing_context as "missingContext" from incidents`,
  )
  for (const row of rows) vocabulary.add(row)
  return { vocabulary, builtAt: Date.now() }
}

export async function termStats(db: Db): Promise<Vocabulary> {
  const entry = cache.get(db)
  if (entry) {
    if (Date.now() - entry.builtAt > maxAgeMs && !entry.refreshing) {
      entry.refreshing = build(db)
        .then((fresh) => void cache.set(db, fresh))
        .catch(() => undefined)
        .finally(() => {
          entry.refreshing = undefined
        })
    }
    return entry.vocabulary
  }
  let building = pending.get(db)
  if (!building) {
    building = build(db).finally(() => pending.delete(db))
    pending.set(db, building)
  }
  const built = await building
  cache.set(db, built)
  return built.vocabulary
}

/** After a full recompute the engine has fresh counts of everything: keep them. */
export function rememberTermStats(db: Db, vocabulary: Vocabulary): void {
  cache.set(db, { vocabulary, builtAt: Date.now() })
}

/** Counts a newly filed incident in, so it is found by the next one before the next refresh. */
export function countIncident(db: Db, text: IncidentText): void {
  cache.get(db)?.vocabulary.add(text)
}

export type Features = IncidentFeatures & IncidentText
