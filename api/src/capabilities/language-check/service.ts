import { checkLanguage, type LanguageCheckResult } from '@misalign/shared'
import { authorize, type Caller } from '../../services/caller'

/**
 * The report form's language check for every way in (docs/decisions/016). It reads and writes
 * nothing stored, so it records no event and needs no dependencies.
 */
export function languageCheckService() {
  return {
    check(caller: Caller, text: string): LanguageCheckResult {
      authorize(caller, 'language.check')
      return { findings: checkLanguage(text) }
    },
  }
}

export type LanguageCheckService = ReturnType<typeof languageCheckService>
