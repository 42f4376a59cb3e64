import { describe, expect, it } from 'vitest'
import { escapeMarkdown, type RetroMarkdownInput, retroFileName, retroMarkdown } from './retro-markdown'

const names: Record<string, string> = { t1: 'Payments API', t2: 'Checkout Web', t3: 'iOS' }
const teamName = (id: string) => names[id] ?? 'Unknown team'

function workspace(overrides: Partial<RetroMarkdownInput> = {}): RetroMarkdownInput {
  return {
    retro: {
      title: 'Retro: v1 sunset',
      heldAt: '2026-03-14T14:00:00.000Z',
      status: 'held',
      summary: 'We kept finding out late.\n\nNobody knew the date.',
      tradeoff: { prefer: 'one API version', over: 'long deprecation windows', forGoal: 'a smaller surface' },
    },
    cluster: { title: 'Recurring: v1 sunset' },
    incidents: [
      {
        key: 'MIS-2',
        title: 'Checkout broke on *v1* removal',
        discoveredAt: '2026-02-01',
        reportingTeamId: 't2',
        weightedHarm: 12,
        harm: 4,
        surprise: 3,
        missingContext: 'The sunset date',
        decisionId: 'd1',
      },
      {
        key: 'MIS-5',
        title: 'iOS release blocked',
        discoveredAt: '2026-02-09',
        reportingTeamId: 't3',
        weightedHarm: 20,
        harm: 5,
        surprise: 4,
        missingContext: '',
        decisionId: null,
      },
    ],
    decisions: [
      { id: 'd1', title: 'Sunset v1', owningTeamId: 't1', tradeoff: null },
      { id: 'd2', title: 'One API', owningTeamId: 't1', tradeoff: { prefer: 'a', over: 'b', forGoal: 'c' } },
    ],
    teams: [
      { id: 't1', name: 'Payments API', harmedIncidents: 0, causedIncidents: 2 },
      { id: 't2', name: 'Checkout Web', harmedIncidents: 1, causedIncidents: 0 },
    ],
    weightedHarm: { total: 32 },
    actions: [
      {
        description: 'Publish the API lifecycle',
        ownerTeamId: 't1',
        dueAt: '2026-04-01',
        status: 'open',
        kind: 'share_strategy',
        reason: null,
        retroTitle: 'Retro: v1 sunset',
      },
      {
        description: 'Weekly API sync',
        ownerTeamId: 't2',
        dueAt: null,
        status: 'open',
        kind: 'add_sync_meeting',
        reason: 'Until the lifecycle doc exists',
        retroTitle: 'Retro: v1 sunset',
      },
    ],
    carriedOver: [
      {
        action: {
          description: 'Review the API strategy',
          ownerTeamId: 't1',
          dueAt: '2026-01-10',
          status: 'open',
          kind: 'schedule_strategy_review',
          reason: null,
          retroTitle: 'Retro: token lifetimes',
        },
        links: [
          { kind: 'decision', title: 'Sunset v1' },
          { kind: 'team_pair', decisionOwnerTeamId: 't1', harmedTeamId: 't3' },
        ],
      },
    ],
    ...overrides,
  }
}

describe('escapeMarkdown', () => {
  it('escapes emphasis, links, code, tables and html so user text prints as written', () => {
    expect(escapeMarkdown('*bold* _x_ [a](b) `c` | <script> & ~~')).toBe(
      '\\*bold\\* \\_x\\_ \\[a\\]\\(b\\) \\`c\\` \\| \\<script\\> \\& \\~\\~',
    )
  })

  it('keeps a leading list marker, number or heading from starting a block', () => {
    expect(escapeMarkdown('- not a list')).toBe('\\- not a list')
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list')
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading')
    expect(escapeMarkdown('= underline')).toBe('\\= underline')
  })

  it('folds line breaks, so a newline cannot break out of a list item or table row', () => {
    expect(escapeMarkdown('one\n# two\r\n  three')).toBe('one \\# two three')
  })
})

describe('retroMarkdown', () => {
  const markdown = retroMarkdown(workspace(), teamName)

  it('starts with the title and the date the retro was held', () => {
    expect(markdown.startsWith('# Retro: v1 sunset\n')).toBe(true)
    expect(markdown).toContain('- Date: 2026-03-14')
    expect(markdown).toContain('- Weighted harm: 32 over 2 incidents (Weighted harm = harm × surprise (1–25))')
  })

  it('lists the timeline in the order given, with escaped titles and team names', () => {
    expect(markdown).toContain('| 2026-02-01 | MIS-2 Checkout broke on \\*v1\\* removal | Checkout Web | 12 (4 × 3) |')
    expect(markdown.indexOf('MIS-2 ')).toBeLessThan(markdown.indexOf('MIS-5 '))
  })

  it('marks a decision without tradeoff as an agreement and states the others', () => {
    expect(markdown).toContain('- Sunset v1 (Payments API): agreement — no tradeoff')
    expect(markdown).toContain('- One API (Payments API): we prefer a over b, for goal c')
  })

  it('lists only the missing context that was named', () => {
    expect(markdown).toContain('- MIS-2: The sunset date')
    expect(markdown).not.toContain('- MIS-5:')
  })

  it('states the tradeoff and groups actions by class, with the cost and the reason of anti-misalignment', () => {
    expect(markdown).toContain('We prefer **one API version** over **long deprecation windows**, for goal **a smaller surface**.')
    const alignment = markdown.indexOf('### Alignment')
    const anti = markdown.indexOf('### Anti-misalignment')
    expect(alignment).toBeGreaterThan(0)
    expect(anti).toBeGreaterThan(alignment)
    expect(markdown).toContain(
      '- **Share the strategy** (Alignment): Publish the API lifecycle — Payments API, due 2026-04-01, open',
    )
    expect(markdown).toContain('- **Add a sync meeting** (Anti-misalignment): Weekly API sync — Checkout Web, open')
    expect(markdown).toContain('Alignment alternative: Share the strategy.')
    expect(markdown).toContain('Reason given: Until the lifecycle doc exists')
  })

  it('says which link carried each earlier action over', () => {
    expect(markdown).toContain('From: Retro: token lifetimes (same decision: Sunset v1; same team pair: Payments API → iOS)')
  })

  it('keeps summary paragraphs and escapes them', () => {
    const text = retroMarkdown(workspace({ retro: { ...workspace().retro, summary: '# Big\n\n[x](javascript:y)' } }), teamName)
    expect(text).toContain('## Summary\n\n\\# Big\n\n\\[x\\]\\(javascript:y\\)\n')
  })

  it('says plainly when there is nothing to show', () => {
    const text = retroMarkdown(
      workspace({
        incidents: [],
        decisions: [],
        actions: [],
        carriedOver: [],
        retro: { ...workspace().retro, tradeoff: null, heldAt: null },
      }),
      teamName,
    )
    expect(text).toContain('- Date: not set')
    expect(text).toContain('No incidents you may see are in this cluster.')
    expect(text).toContain('None stated yet.')
    expect(text).toContain('No actions recorded.')
    expect(text).toContain('No open actions carried over.')
  })
})

describe('retroFileName', () => {
  it('makes a dated, lowercase file name from the title', () => {
    expect(retroFileName('Retro: V1 sunset / "API"', '2026-03-14T14:00:00.000Z')).toBe('2026-03-14-retro-v1-sunset-api.md')
    expect(retroFileName('***', null)).toBe('retro.md')
  })
})
