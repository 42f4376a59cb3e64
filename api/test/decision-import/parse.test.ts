import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDay, statusKindOf, stripTitleNumber } from '../../src/capabilities/decision-import/adr-fields'
import { planAdrImport } from '../../src/capabilities/decision-import/import-plan'
import { parseAdr } from '../../src/capabilities/decision-import/parse-adr'

const fixtures = path.join(import.meta.dirname, 'fixtures')
const read = (name: string) => readFileSync(path.join(fixtures, name), 'utf8')
const parse = (name: string) => parseAdr(name, read(name))
const team = '10000000-0000-4000-8000-000000000001'

describe('reading a MADR 4 record (the template, filled in)', () => {
  const adr = parse('madr/0001-use-a-postgres-backed-job-queue.md')

  it('takes status, date and decision-makers from the front matter and the title from the heading', () => {
    expect(adr).toMatchObject({
      format: 'madr',
      number: 1,
      title: 'Use a Postgres-backed job queue',
      statusKind: 'accepted',
      decidedAt: '2024-05-14',
      deciders: ['Ana Lima', 'Jonas Berg'],
      problems: [],
    })
  })

  it('summarises the context and problem statement', () => {
    expect(adr.summary).toMatch(/^Background work \(webhook deliveries/)
    expect(adr.summary).toMatch(/operate\?$/)
  })

  it('suggests a tradeoff: the chosen option over the others, for the decision drivers', () => {
    expect(adr.chosenOption).toBe('pg-boss on the existing Postgres')
    expect(adr.suggestedTradeoff).toEqual({
      prefer: 'pg-boss on the existing Postgres',
      over: 'Redis with BullMQ; A managed cloud queue (SQS)',
      forGoal:
        'Operational simplicity for small installations; Jobs must survive restarts and deploys; Jobs are enqueued in the same transaction as the change that causes them',
    })
  })
})

describe("reading MADR's own record without status or date (adr/madr docs/decisions/0013)", () => {
  const adr = parse('madr/0013-use-yaml-front-matter-for-meta-data.md')

  it('ignores front matter it has no use for, assumes accepted, and says the date is missing', () => {
    expect(adr.title).toBe('Use YAML front matter for metadata')
    expect(adr.statusKind).toBe('accepted')
    expect(adr.notes).toContainEqual({ field: 'status', message: expect.stringMatching(/no status/) })
    expect(adr.decidedAt).toBeNull()
    expect(adr.problems).toEqual([{ field: 'decidedAt', message: expect.stringMatching(/no date/) }])
  })

  it('suggests a tradeoff from the drivers and the chosen option', () => {
    expect(adr.suggestedTradeoff).toEqual({
      prefer: 'Use YAML front matter',
      over: 'Use plain Markdown everywhere',
      forGoal: 'Easy to read; Easy to write',
    })
  })
})

describe('reading adr-tools records (npryce/adr-tools doc/adr)', () => {
  it('reads 0001-record-architecture-decisions: title without its number, Date line, Status section', () => {
    expect(parse('adr-tools/0001-record-architecture-decisions.md')).toMatchObject({
      format: 'nygard',
      number: 1,
      title: 'Record architecture decisions',
      statusKind: 'accepted',
      decidedAt: '2016-02-12',
      summary: 'We need to record the architectural decisions made on this project.',
      suggestedTradeoff: null,
      problems: [],
    })
  })

  it('reads "Superceded by [3. …](0003-….md)" as superseded, keeping the link and the number', () => {
    const adr = parse('adr-tools/0002-implement-as-shell-scripts.md')
    expect(adr.statusKind).toBe('superseded')
    expect(adr.supersededBy).toEqual({ href: '0003-rewrite-the-tool-in-go.md', number: 3, text: '3. Rewrite the tool in Go' })
  })

  it('reads the superseding record as accepted, its "Supercedes" line notwithstanding', () => {
    expect(parse('adr-tools/0003-rewrite-the-tool-in-go.md')).toMatchObject({ statusKind: 'accepted', supersededBy: null })
  })
})

describe('reading log4brains records (thomvaill/log4brains docs/adr, MADR 2 bullets)', () => {
  it('reads "- Status: superseded by [slug](slug.md)" and "- Date:" bullets', () => {
    const adr = parse('log4brains/20200926-use-the-adr-number-as-its-unique-id.md')
    expect(adr).toMatchObject({
      format: 'madr',
      title: 'Use the ADR number as its unique ID',
      statusKind: 'superseded',
      decidedAt: '2020-09-26',
      supersededBy: { href: '20201016-use-the-adr-slug-as-its-unique-id.md' },
      chosenOption: 'ADR number',
    })
    expect(adr.options).toHaveLength(3)
    // Options and a choice, but no drivers and no question: nothing to say the tradeoff is for.
    expect(adr.suggestedTradeoff).toBeNull()
  })

  it('takes a missing date from a YYYYMMDD file name, and says so', () => {
    const adr = parse('messy/20201028-adr-without-date.md')
    expect(adr).toMatchObject({ decidedAt: '2020-10-28', deciders: ['John Doe', 'Foo bar'], problems: [] })
    expect(adr.notes).toContainEqual({ field: 'decidedAt', message: 'no date in the file; taken from its name' })
  })
})

describe('reading messy records (wikimedia/mediawiki-extensions-Wikibase docs/adr)', () => {
  it('reads a file with a BOM and CRLF lines, a "4)" title with an anchor and a "Last updated" date', () => {
    const raw = readFileSync(path.join(fixtures, 'messy/0004-make-apply-return-changeopresult.md'))
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(raw.includes('\r\n')).toBe(true)
    expect(parse('messy/0004-make-apply-return-changeopresult.md')).toMatchObject({
      format: 'nygard',
      number: 4,
      title: 'Make ChangeOp::apply() return ChangeOpResult',
      statusKind: 'accepted',
      decidedAt: '2019-07-04',
      options: ['Reusing current pattern', 'Visitor pattern design'],
      problems: [],
    })
  })

  it('keeps non-ASCII text and reads a lower-case "proposed"', () => {
    const adr = parse('messy/0019-federated-properties-prefix-ids-via-uris.md')
    expect(adr.title).toBe('Add source information to Property IDs for Federated Properties v2')
    expect(adr.statusKind).toBe('proposed')
    expect(adr.summary).not.toMatch(/Considered Actions/)
    expect(read('messy/0019-federated-properties-prefix-ids-via-uris.md')).toContain('“our”')
  })
})

describe('reading what people write by hand', () => {
  it('refuses an unknown status and an unreadable date, naming the field', () => {
    const adr = parseAdr('0007-x.md', '# 7. X\n\nDate: sometime in May\n\n## Status\n\nDead\n\n## Context\n\nWhy.\n')
    expect(adr.problems.map((p) => p.field).sort()).toEqual(['decidedAt', 'status'])
  })

  it('refuses the unfilled template title', () => {
    const adr = parseAdr(
      't.md',
      read('madr/0001-use-a-postgres-backed-job-queue.md').replace(
        '# Use a Postgres-backed job queue',
        '# {short title of solved problem}',
      ),
    )
    expect(adr.problems).toContainEqual({ field: 'title', message: expect.stringMatching(/placeholder/) })
  })

  it('reads broken front matter as a problem, not a crash', () => {
    expect(parseAdr('x.md', '---\nstatus: [unclosed\n---\n# X\n').problems).toContainEqual(
      expect.objectContaining({ field: 'frontMatter' }),
    )
  })

  it('knows the status words and date shapes ADRs use', () => {
    expect(
      ['Accepted', 'proposed', 'Rejected', 'Deprecated', 'Superceded by 3', 'superseded by ADR-0123'].map(statusKindOf),
    ).toEqual(['accepted', 'proposed', 'rejected', 'deprecated', 'superseded', 'superseded'])
    expect(['2016-02-12', '12/02/2016', 'March 14, 2024', '14 March 2024', '2024-02-30'].map(readDay)).toEqual([
      '2016-02-12',
      '2016-02-12',
      '2024-03-14',
      '2024-03-14',
      undefined,
    ])
    expect(['1. Record', '10) Do not {#adr_0010}', 'ADR-0007: Service mesh', 'ADR 0017 — Desktop'].map(stripTitleNumber)).toEqual(
      ['Record', 'Do not', 'Service mesh', 'Desktop'],
    )
  })
})

describe('planning an import of a folder', () => {
  const files = [
    'adr-tools/0001-record-architecture-decisions.md',
    'adr-tools/0002-implement-as-shell-scripts.md',
    'adr-tools/0003-rewrite-the-tool-in-go.md',
  ]
  const plan = planAdrImport(
    files.map((name) => ({ path: `docs/adr/${name}`, content: read(name) })),
    { owningTeamId: team, linkBase: 'https://github.com/npryce/adr-tools/blob/master/doc/adr' },
  )

  it('keys each file by team and path relative to the ADR folder, and links it under the link base', () => {
    expect(plan.map((r) => r.externalRef)).toEqual([
      `adr:${team}:0001-record-architecture-decisions.md`,
      `adr:${team}:0002-implement-as-shell-scripts.md`,
      `adr:${team}:0003-rewrite-the-tool-in-go.md`,
    ])
    expect(plan[0]?.link).toBe('https://github.com/npryce/adr-tools/blob/master/doc/adr/0001-record-architecture-decisions.md')
  })

  it('maps statuses and resolves "superseded by" to the other file', () => {
    expect(plan.map((r) => r.status)).toEqual(['active', 'superseded', 'active'])
    expect(plan[1]).toMatchObject({
      supersededByPath: '0003-rewrite-the-tool-in-go.md',
      supersededByInImport: true,
      problems: [],
    })
  })

  it('skips proposals, rejected records, templates and index files, with a reason', () => {
    const skipped = planAdrImport(
      [
        { path: 'adr/0019-x.md', content: read('messy/0019-federated-properties-prefix-ids-via-uris.md') },
        { path: 'adr/0005-y.md', content: '# Y\n\n- Status: rejected\n- Date: 2020-10-29\n' },
        { path: 'adr/template.md', content: '# {title}\n' },
        { path: 'adr/README.md', content: '# ADRs\n' },
      ],
      { owningTeamId: team },
    )
    expect(skipped.map((r) => r.skipReason)).toEqual([
      expect.stringMatching(/proposal/),
      expect.stringMatching(/rejected/),
      expect.stringMatching(/template/),
      expect.stringMatching(/index/),
    ])
    expect(skipped.every((r) => r.problems.length === 0)).toBe(true)
  })

  it('names a superseding file that is not in the import as one to look up among earlier imports', () => {
    const [only] = planAdrImport(
      [{ path: 'adr-tools/0002-implement-as-shell-scripts.md', content: read('adr-tools/0002-implement-as-shell-scripts.md') }],
      {
        owningTeamId: team,
      },
    )
    expect(only).toMatchObject({ supersededByPath: '0003-rewrite-the-tool-in-go.md', supersededByInImport: false })
  })
})
