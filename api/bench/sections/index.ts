import type { Section } from '../lib/section'
import { analytics, analyticsPglite } from './analytics'
import { clustering } from './clustering'
import { exportsSection } from './exports'
import { incidentImportSection } from './incident-import'
import { insight } from './insight'
import { instances } from './instances'
import { writePath } from './write-path'

/** Every section, in the order they run. Add a new one here. */
export const sections: Section<unknown>[] = [
  writePath,
  instances,
  analytics,
  analyticsPglite,
  clustering,
  insight,
  exportsSection,
  incidentImportSection,
]
