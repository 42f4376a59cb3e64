import { useEffect } from 'react'
import { useLocation } from 'react-router'
import { PageHeader, usePageTitle } from '../../components/page'
import { glossary } from '../../lib/glossary'
import { rootCauseLabels } from '../../lib/labels'

export default function GlossaryRoute() {
  usePageTitle('Glossary')
  const { hash } = useLocation()
  const target = decodeURIComponent(hash.slice(1))

  // A client-side link to /glossary#term neither scrolls nor sets :target, so do both here.
  useEffect(() => {
    if (target) document.getElementById(target)?.scrollIntoView({ block: 'start' })
  }, [target])

  return (
    <>
      <PageHeader
        title="Glossary"
        intro="The words the tracker uses, and what each means here. A dotted underline on any screen links a word to its entry."
      />
      <dl className="glossary card">
        {glossary.map((entry) => (
          <div key={entry.id} id={entry.id} className={entry.id === target ? 'glossary-entry is-target' : 'glossary-entry'}>
            <dt className="glossary-term">{entry.term}</dt>
            <dd className="glossary-definition">
              {entry.definition}
              {entry.id === 'root-cause' && (
                <ul>
                  {Object.values(rootCauseLabels).map(({ label, meaning }) => (
                    <li key={label}>
                      <strong>{label}</strong>: {meaning.charAt(0).toLowerCase() + meaning.slice(1)}.
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </>
  )
}
