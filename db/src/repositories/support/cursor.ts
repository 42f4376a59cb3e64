import { DomainError } from '@misalign/shared'

/**
 * Opaque keyset cursors: the sort key of the last row of a page, base64url-encoded.
 * Keyset (not offset) so pages stay stable while rows are being added.
 */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url')
}

export class InvalidCursorError extends DomainError {
  constructor() {
    const message = 'The cursor is not one this API gave out; start again without it'
    super('malformed', message, { fields: [{ field: 'cursor', message }] })
    this.name = 'InvalidCursorError'
  }
}

export function decodeCursor<T extends readonly ('string' | 'number')[]>(
  cursor: string | undefined,
  shape: T,
): { [K in keyof T]: T[K] extends 'string' ? string : number } | undefined {
  if (cursor === undefined || cursor === '') return undefined
  let values: unknown
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw new InvalidCursorError()
  }
  if (!Array.isArray(values) || values.length !== shape.length) throw new InvalidCursorError()
  values.forEach((value, i) => {
    if (typeof value !== shape[i]) throw new InvalidCursorError()
  })
  return values as never
}

/** Fetch one row more than asked: if it exists there is a next page. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  cursorOf: (row: Row) => readonly (string | number)[],
): { items: Item[]; nextCursor: string | null } {
  const hasMore = rows.length > limit
  const pageRows = hasMore ? rows.slice(0, limit) : rows
  const last = pageRows[pageRows.length - 1]
  return {
    items: pageRows.map(toItem),
    nextCursor: hasMore && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  }
}
