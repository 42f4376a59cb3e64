/**
 * The dashboard's tabs (issue #18): the heat map, top decisions and top gaps stay above the fold;
 * the other charts are grouped by the question they answer, one group at a time, so the page stays
 * short (at most 6,000 px at 1280 px) and recharts draws only what is visible. The chosen tab lives
 * in the URL (`?tab=harm`), so a reload or a shared link opens the same charts.
 */
export const dashboardTabs = [
  { id: 'trends', label: 'Trends', charts: ['root-cause-trends', 'incidents-per-decision'] },
  { id: 'discovery', label: 'Discovery', charts: ['discovery-lag', 'decision-classes'] },
  { id: 'harm', label: 'Harm', charts: ['harm-by-team', 'harm-by-kind'] },
  { id: 'remediation', label: 'Remediation', charts: ['remediation-mix'] },
] as const

export type DashboardTab = (typeof dashboardTabs)[number]['id']
export type DashboardTabChart = (typeof dashboardTabs)[number]['charts'][number]
export const defaultTab: DashboardTab = 'trends'

/** The URL word that names the chosen tab; not a filter, so the incident list never sees it. */
export const tabParam = 'tab'

export function tabFromSearch(search: URLSearchParams): DashboardTab {
  const asked = search.get(tabParam)
  return dashboardTabs.find((t) => t.id === asked)?.id ?? defaultTab
}

/** The address with another tab chosen, every filter kept. */
export function withTab(search: URLSearchParams, tab: DashboardTab): URLSearchParams {
  const next = new URLSearchParams(search)
  next.set(tabParam, tab)
  return next
}

/**
 * The tab an arrow, Home or End key moves to from `current` (WAI-ARIA tabs pattern: arrows wrap
 * around); undefined for any other key, so the browser keeps it.
 */
export function tabAfterKey(current: DashboardTab, key: string): DashboardTab | undefined {
  const at = dashboardTabs.findIndex((t) => t.id === current)
  const last = dashboardTabs.length - 1
  const index =
    key === 'ArrowRight'
      ? (at + 1) % dashboardTabs.length
      : key === 'ArrowLeft'
        ? (at - 1 + dashboardTabs.length) % dashboardTabs.length
        : key === 'Home'
          ? 0
          : key === 'End'
            ? last
            : undefined
  return index === undefined ? undefined : dashboardTabs[index]?.id
}
