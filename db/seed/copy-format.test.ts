import { describe, expect, it } from 'vitest'
import { arrayLiteral, copyField, copyRow } from './copy-format'

describe('COPY text format', () => {
  it('escapes backslashes, newlines, carriage returns and tabs, and nothing else', () => {
    expect(copyField('a\\b\nc\rd\te "quoted" \'single\' ü')).toBe('a\\\\b\\nc\\rd\\te "quoted" \'single\' ü')
  })

  it('writes null, booleans, numbers and timestamps as Postgres reads them', () => {
    expect(copyField(null)).toBe('\\N')
    expect(copyField(undefined)).toBe('\\N')
    expect(copyField(true)).toBe('t')
    expect(copyField(false)).toBe('f')
    expect(copyField(2.5)).toBe('2.5')
    expect(copyField(new Date('2026-01-02T03:04:05.000Z'))).toBe('2026-01-02T03:04:05.000Z')
    expect(() => copyField(Number.NaN)).toThrow()
  })

  it('writes arrays as array literals, quoting what needs it', () => {
    expect(arrayLiteral([])).toBe('{}')
    expect(arrayLiteral(['rework', 'delay'])).toBe('{rework,delay}')
    expect(arrayLiteral(['a b', 'q"uote', 'back\\slash', 'null', 'x,y'])).toBe('{"a b","q\\"uote","back\\\\slash","null","x,y"}')
    // The array literal's own backslashes are escaped again for the COPY text layer.
    expect(copyField(['back\\slash'])).toBe('{"back\\\\\\\\slash"}')
  })

  it('ends a row with a newline and separates fields with tabs', () => {
    expect(copyRow(['a', null, 1, ['x']])).toBe('a\t\\N\t1\t{x}\n')
  })
})
