import {
  type NewPriority,
  normalizePriority,
  type Priority,
  type PriorityChanges,
  type PriorityPage,
  type PriorityQuery,
  type PrioritySuggestions,
  type RegisteredPriority,
  suggestPriorities,
} from '@misalign/shared'
import { and, asc, count, eq, ilike, or, type SQL, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../client'
import { type PriorityRow, priorities } from '../../schema/index'
import { type Actor, diff, recordAudit } from '../access/audit-repository'
import { decodeCursor, InvalidCursorError, toPage } from '../support/cursor'
import { ConflictError, RuleViolationError, StaleVersionError } from '../support/errors'

export function toPriority(row: PriorityRow): Priority {
  return {
    id: row.id,
    name: row.name,
    aliases: row.aliases,
    description: row.description,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  }
}

/** The whole register, for the matcher: it stays small (tens to hundreds of rows). */
export async function loadRegister(db: Db | Tx): Promise<RegisteredPriority[]> {
  return db.select({ id: priorities.id, name: priorities.name, aliases: priorities.aliases }).from(priorities)
}

/** Trimmed, blank and repeated spellings dropped, the name itself never kept as its own alias. */
function cleanAliases(name: string, aliases: readonly string[]): string[] {
  const seen = new Set([normalizePriority(name)])
  const kept: string[] = []
  for (const alias of aliases) {
    const key = normalizePriority(alias)
    if (!key || seen.has(key)) continue
    seen.add(key)
    kept.push(alias.trim())
  }
  return kept
}

/**
 * One spelling, one priority: a name or alias that another priority already uses would make
 * the matcher pick between them at random.
 */
async function assertSpellingsFree(tx: Tx, name: string, aliases: readonly string[], exceptId?: string): Promise<void> {
  if (!normalizePriority(name)) throw new RuleViolationError('A priority needs a name with letters or digits in it', 'name')
  const register = await loadRegister(tx)
  const taken = new Map<string, RegisteredPriority>()
  for (const p of register) {
    if (p.id === exceptId) continue
    for (const spelling of [p.name, ...p.aliases]) taken.set(normalizePriority(spelling), p)
  }
  for (const spelling of [name, ...aliases]) {
    const owner = taken.get(normalizePriority(spelling))
    if (owner) {
      throw new ConflictError(
        `"${spelling.trim()}" already names the priority "${owner.name}"; add your words as its alias, or choose other words`,
      )
    }
  }
}

function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

function filtersOf(query: PriorityQuery): SQL | undefined {
  const words = query.q?.trim().split(/\s+/).filter(Boolean) ?? []
  return and(
    ...words.map((word) =>
      or(
        ilike(priorities.name, containsPattern(word)),
        sql`exists (select 1 from unnest(${priorities.aliases}) as alias where alias ilike ${containsPattern(word)})`,
      ),
    ),
  )
}

/** Priorities by name, case-insensitively; the cursor is the last row's [lower(name), id]. */
const sortName = sql<string>`lower(${priorities.name})`

export function priorityRepository(db: Db) {
  return {
    async findById(id: string): Promise<Priority | undefined> {
      const [row] = await db.select().from(priorities).where(eq(priorities.id, id))
      return row && toPriority(row)
    },

    async list(query: PriorityQuery): Promise<PriorityPage> {
      const limit = query.limit ?? 50
      const after = decodeCursor(query.cursor, ['string', 'string'] as const)
      if (after && !/^[0-9a-f-]{36}$/i.test(after[1])) throw new InvalidCursorError()
      const where = filtersOf(query)
      const [rows, [total]] = await Promise.all([
        db
          .select({ row: priorities, sortKey: sortName })
          .from(priorities)
          .where(and(where, after ? sql`(${sortName}, ${priorities.id}) > (${after[0]}, ${after[1]}::uuid)` : undefined))
          .orderBy(asc(sortName), asc(priorities.id))
          .limit(limit + 1),
        db.select({ n: count() }).from(priorities).where(where),
      ])
      const page = toPage(
        rows,
        limit,
        ({ row }) => toPriority(row),
        ({ row, sortKey }) => [sortKey, row.id],
      )
      return { ...page, total: total?.n ?? 0 }
    },

    /** The priorities the words may mean, best first: what the tradeoff fields offer. */
    async suggest(text: string): Promise<PrioritySuggestions> {
      const matches = suggestPriorities(text, await loadRegister(db))
      if (matches.length === 0) return { items: [] }
      const rows = await db
        .select()
        .from(priorities)
        .where(or(...matches.map((m) => eq(priorities.id, m.priority.id))))
      const byId = new Map(rows.map((row) => [row.id, toPriority(row)]))
      return {
        items: matches.flatMap((m) => {
          const priority = byId.get(m.priority.id)
          return priority ? [{ priority, kind: m.kind, matched: m.matched, score: m.score }] : []
        }),
      }
    },

    async create(input: NewPriority, actor: Actor): Promise<Priority> {
      return db.transaction(async (tx) => createPriority(tx, input, actor))
    },

    async update(id: string, expectedVersion: number, changes: PriorityChanges, actor: Actor): Promise<Priority | undefined> {
      return db.transaction(async (tx) => {
        const [before] = await tx.select().from(priorities).where(eq(priorities.id, id)).for('update')
        if (!before) return undefined
        if (before.version !== expectedVersion) throw new StaleVersionError('priority', before.version)
        const name = changes.name?.trim() ?? before.name
        const aliases = cleanAliases(name, changes.aliases ?? before.aliases)
        await assertSpellingsFree(tx, name, aliases, id)
        const [after] = await tx
          .update(priorities)
          .set({
            name,
            aliases,
            ...(changes.description === undefined ? {} : { description: changes.description.trim() }),
            version: before.version + 1,
            updatedAt: new Date(),
          })
          .where(eq(priorities.id, id))
          .returning()
        if (!after) throw new Error('update returned no row')
        const priority = toPriority(after)
        await recordAudit(tx, {
          actor,
          action: 'update',
          entityType: 'priority',
          entityId: id,
          changes: diff(toPriority(before), priority),
        })
        return priority
      })
    },
  }
}

/** In the caller's transaction, so a tradeoff can create the priority its words name and use it at once. */
export async function createPriority(tx: Tx, input: NewPriority, actor: Actor): Promise<Priority> {
  const name = input.name.trim()
  const aliases = cleanAliases(name, input.aliases ?? [])
  await assertSpellingsFree(tx, name, aliases)
  const [row] = await tx
    .insert(priorities)
    .values({ name, aliases, description: input.description?.trim() ?? '' })
    .returning()
  if (!row) throw new Error('insert returned no row')
  const priority = toPriority(row)
  await recordAudit(tx, { actor, action: 'create', entityType: 'priority', entityId: row.id, changes: diff({}, priority) })
  return priority
}

export type PriorityRepository = ReturnType<typeof priorityRepository>
