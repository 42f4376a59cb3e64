import { type KeyboardEvent, type ReactNode, useRef } from 'react'
import { useSearchParams } from 'react-router'
import { type DashboardTab, dashboardTabs, tabAfterKey, tabFromSearch, withTab } from '../tabs'

const tabId = (tab: DashboardTab) => `dashboard-tab-${tab}`
const panelId = (tab: DashboardTab) => `dashboard-panel-${tab}`

/**
 * WAI-ARIA tabs with automatic activation: arrows, Home and End move and choose at once (every
 * chart's answer is prefetched, so choosing is cheap). Only the chosen tab is in the tab order;
 * the choice goes to the URL, replacing the entry, so Back leaves the dashboard rather than
 * stepping through tabs.
 */
export function DashboardTabs({ children }: { children: (tab: DashboardTab) => ReactNode }) {
  const [search, setSearch] = useSearchParams()
  const chosen = tabFromSearch(search)
  const list = useRef<HTMLDivElement>(null)

  function choose(tab: DashboardTab) {
    setSearch(withTab(search, tab), { replace: true, preventScrollReset: true })
  }

  function onKeyDown(event: KeyboardEvent) {
    // From the focused tab, not from `chosen`: the address changes a moment before the screen
    // re-renders, and a quick second key press must move on from where focus already is.
    const from = dashboardTabs.find((t) => t.id === (event.target as HTMLElement).dataset.tab)?.id ?? chosen
    const next = tabAfterKey(from, event.key)
    if (!next) return
    event.preventDefault()
    choose(next)
    list.current?.querySelector<HTMLElement>(`#${tabId(next)}`)?.focus()
  }

  return (
    <section className="dashboard-tabs" aria-label="More charts">
      <div role="tablist" aria-label="Chart groups" className="tab-list" ref={list} onKeyDown={onKeyDown}>
        {dashboardTabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={tabId(t.id)}
            data-tab={t.id}
            aria-selected={t.id === chosen}
            aria-controls={panelId(t.id)}
            tabIndex={t.id === chosen ? 0 : -1}
            className="tab"
            onClick={() => choose(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={panelId(chosen)} aria-labelledby={tabId(chosen)} className="tab-panel">
        {children(chosen)}
      </div>
    </section>
  )
}
