/**
 * Just enough English verb morphology for the rewrites to keep the tense, person and negation
 * of the sentence they replace words in ("were not aligned" → "did not agree").
 */

/** base: agree · s: agrees · ed: agreed (past) · ing: agreeing · en: agreed (participle) */
export type Form = 'base' | 's' | 'ed' | 'ing' | 'en'

const IRREGULAR: Record<string, Partial<Record<Form, string>>> = {
  know: { ed: 'knew', en: 'known' },
  make: { ed: 'made', en: 'made', ing: 'making' },
  fit: { ed: 'fit', en: 'fit', ing: 'fitting' },
  get: { ed: 'got', en: 'got', ing: 'getting' },
}

export function conjugate(verb: string, form: Form): string {
  const irregular = IRREGULAR[verb]?.[form]
  if (irregular) return irregular
  switch (form) {
    case 'base':
      return verb
    case 's':
      return `${verb}s`
    case 'ing':
      return verb.endsWith('ee') ? `${verb}ing` : verb.endsWith('e') ? `${verb.slice(0, -1)}ing` : `${verb}ing`
    default:
      return verb.endsWith('e') ? `${verb}d` : `${verb}ed`
  }
}

function forms(base: string, s: string, ed: string, ing: string, en = ed): Record<string, Form> {
  return { [base]: 'base', [s]: 's', [ed]: 'ed', [ing]: 'ing', [en]: 'en' }
}

/** Verbs that, with "alignment" as their object, mean reaching an agreement ("get alignment"). */
export const REACHING: Record<string, Form> = {
  ...forms('get', 'gets', 'got', 'getting', 'gotten'),
  ...forms('reach', 'reaches', 'reached', 'reaching'),
  ...forms('achieve', 'achieves', 'achieved', 'achieving'),
  ...forms('gain', 'gains', 'gained', 'gaining'),
  ...forms('build', 'builds', 'built', 'building'),
  ...forms('find', 'finds', 'found', 'finding'),
  ...forms('drive', 'drives', 'drove', 'driving', 'driven'),
  ...forms('have', 'has', 'had', 'having'),
}

export const NEEDING: Record<string, Form> = {
  ...forms('need', 'needs', 'needed', 'needing'),
  ...forms('require', 'requires', 'required', 'requiring'),
  ...forms('want', 'wants', 'wanted', 'wanting'),
}

export const ALIGNING: Record<string, Form> = {
  ...forms('align', 'aligns', 'aligned', 'aligning'),
  ...forms('misalign', 'misaligns', 'misaligned', 'misaligning'),
}

/** "got aligned", "became aligned": the verb adds nothing to "agreed". */
export const BECOMING: Record<string, Form> = {
  ...forms('get', 'gets', 'got', 'getting', 'gotten'),
  ...forms('become', 'becomes', 'became', 'becoming'),
}

/** "get everyone aligned" means making them agree. */
export const CAUSING = new Set(['get', 'gets', 'got', 'getting', 'make', 'makes', 'made', 'making'])

export const KEEPING = new Set([
  ...['keep', 'keeps', 'kept', 'keeping', 'stay', 'stays', 'stayed', 'staying', 'remain', 'remains', 'remained'],
])

export function formOf(table: Record<string, Form>, word: string | null): Form | undefined {
  return word !== null && Object.hasOwn(table, word) ? table[word] : undefined
}

/** A copula (or "be" after a modal), its form, and whether it carries the negation. */
export interface Copula {
  form: Form
  negated: boolean
  contracted: boolean
}

const COPULAS: Record<string, Copula> = {
  is: { form: 's', negated: false, contracted: false },
  are: { form: 'base', negated: false, contracted: false },
  am: { form: 'base', negated: false, contracted: false },
  was: { form: 'ed', negated: false, contracted: false },
  were: { form: 'ed', negated: false, contracted: false },
  be: { form: 'base', negated: false, contracted: false },
  "isn't": { form: 's', negated: true, contracted: true },
  "aren't": { form: 'base', negated: true, contracted: true },
  "wasn't": { form: 'ed', negated: true, contracted: true },
  "weren't": { form: 'ed', negated: true, contracted: true },
}

export function copulaOf(word: string | null): Copula | undefined {
  return word !== null && Object.hasOwn(COPULAS, word) ? COPULAS[word] : undefined
}

/** The verb in the copula's place: "are" + agree → "agree"; "isn't" + know → "doesn't know". */
export function inPlaceOf(copula: Copula, verb: string, isAfterModal: boolean): string {
  if (isAfterModal) return copula.negated ? `not ${verb}` : verb
  if (!copula.negated) return conjugate(verb, copula.form)
  const auxiliary = copula.form === 's' ? 'does' : copula.form === 'ed' ? 'did' : 'do'
  return copula.contracted ? `${auxiliary}n't ${verb}` : `${auxiliary} not ${verb}`
}

/** "is" → "does": the question form of a copula. */
export function doSupport(copula: Copula): string {
  const auxiliary = copula.form === 's' ? 'does' : copula.form === 'ed' ? 'did' : 'do'
  return copula.negated ? `${auxiliary}n't` : auxiliary
}
