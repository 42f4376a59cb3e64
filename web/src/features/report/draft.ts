import type { DiscoveryChannel, HarmKind } from '@misalign/shared'
import { useCallback, useEffect, useState } from 'react'
import { localDay } from '../../lib/labels'

/** The decision the report points at, as picked or recorded in place. */
export interface PickedDecision {
  id: string
  title: string
  owningTeamId: string
  decisionClass: 'agreement' | 'strategy_bearing'
}

export interface ReportDraft {
  /** One key per draft, reused on every retry, so the server files it once whatever happens. */
  idempotencyKey: string
  savedAt: string | null
  title: string
  narrative: string
  reportingTeamId: string
  discoveredAt: string
  discoveryChannel: DiscoveryChannel | ''
  expected: string
  surprise: number | null
  harmedGoal: string
  harm: number | null
  harmKinds: HarmKind[]
  engineerDaysLost: string
  delayDays: string
  decision: PickedDecision | null
  decisionOwnerTeamId: string
  gapId: string
  missingContext: string
  anonymous: boolean
  restricted: boolean
}

export function emptyDraft(reportingTeamId: string): ReportDraft {
  return {
    idempotencyKey: crypto.randomUUID(),
    savedAt: null,
    title: '',
    narrative: '',
    reportingTeamId,
    discoveredAt: localDay(),
    discoveryChannel: '',
    expected: '',
    surprise: null,
    harmedGoal: '',
    harm: null,
    harmKinds: [],
    engineerDaysLost: '',
    delayDays: '',
    decision: null,
    decisionOwnerTeamId: '',
    gapId: '',
    missingContext: '',
    anonymous: false,
    restricted: false,
  }
}

/** True once the person has typed or picked anything worth keeping. */
export function hasContent(draft: ReportDraft): boolean {
  return !!(
    draft.title ||
    draft.narrative ||
    draft.expected ||
    draft.harmedGoal ||
    draft.missingContext ||
    draft.discoveryChannel ||
    draft.surprise !== null ||
    draft.harm !== null ||
    draft.decision
  )
}

// Per user: on a shared machine, one person's unfinished (perhaps anonymous) report is not another's.
const storageKey = (userId: string) => `misalign:report-draft:${userId}`

function load(userId: string): ReportDraft | null {
  try {
    const raw = localStorage.getItem(storageKey(userId))
    if (!raw) return null
    const parsed = JSON.parse(raw) as Partial<ReportDraft>
    if (typeof parsed.idempotencyKey !== 'string') return null
    return { ...emptyDraft(parsed.reportingTeamId ?? ''), ...parsed }
  } catch {
    // Storage can be full, disabled or hold junk; a lost draft must never break the form.
    return null
  }
}

/**
 * The report being written, kept in localStorage on every change so closing the tab loses
 * nothing. `restoredFrom` says when a draft from an earlier visit was picked up.
 */
export function useReportDraft(userId: string, defaultTeamId: string) {
  const [initial] = useState(() => load(userId))
  const [draft, setDraft] = useState<ReportDraft>(() => initial ?? emptyDraft(defaultTeamId))
  const [restoredFrom, setRestoredFrom] = useState(initial && hasContent(initial) ? initial.savedAt : null)

  useEffect(() => {
    try {
      if (hasContent(draft)) localStorage.setItem(storageKey(userId), JSON.stringify(draft))
      else localStorage.removeItem(storageKey(userId))
    } catch {
      // Quota or privacy mode: the form still works, only the safety net is gone.
    }
  }, [draft, userId])

  const update = useCallback((changes: Partial<ReportDraft>) => {
    setDraft((current) => ({ ...current, ...changes, savedAt: new Date().toISOString() }))
  }, [])

  const discard = useCallback(() => {
    try {
      localStorage.removeItem(storageKey(userId))
    } catch {}
    setRestoredFrom(null)
    setDraft(emptyDraft(defaultTeamId))
  }, [userId, defaultTeamId])

  /** A new key for a report the person wants filed separately from an earlier attempt. */
  const renewKey = useCallback(() => update({ idempotencyKey: crypto.randomUUID() }), [update])

  return { draft, update, discard, renewKey, restoredFrom, dismissRestored: () => setRestoredFrom(null) }
}

/** What the insight engine is asked about a draft: its words and whatever the reporter has picked. */
export interface DraftInsightQuery {
  text: string
  reportingTeamId?: string
  decisionOwnerTeamId?: string
  discoveredAt?: string
}

const DRAFT_TEXT_LIMIT = 2_000

export function draftInsightQuery(draft: ReportDraft): DraftInsightQuery {
  const text = [draft.title, draft.narrative, draft.expected, draft.harmedGoal, draft.missingContext]
    .map((part) => part.trim())
    .filter(Boolean)
    .join('\n')
    .slice(0, DRAFT_TEXT_LIMIT)
  return {
    text,
    ...(draft.reportingTeamId ? { reportingTeamId: draft.reportingTeamId } : {}),
    ...(draft.decisionOwnerTeamId ? { decisionOwnerTeamId: draft.decisionOwnerTeamId } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(draft.discoveredAt) ? { discoveredAt: draft.discoveredAt } : {}),
  }
}
