import type { Section } from '../lib/section'
import { analytics } from './analytics'
import { writePath } from './write-path'

/** Every section, in the order they run. Add a new one here. */
export const sections: Section<unknown>[] = [writePath, analytics]
