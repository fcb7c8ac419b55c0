import type { ExtensionRoute } from '../permits/extension-route'

/**
 * How one directorate works: four-eyes, the time it has for long-term permits, and how
 * extension documents reach it (domain.md §4).
 */
export type CaseworkSettings = {
  directorateId: string
  name: string
  fourEyesRefusals: boolean
  fourEyesLongTerm: boolean
  longTermDecisionDays: number
  extensionRoute: ExtensionRoute
}
