/** How one directorate decides: four-eyes and the time it has for long-term permits. */
export type CaseworkSettings = {
  directorateId: string
  name: string
  fourEyesRefusals: boolean
  fourEyesLongTerm: boolean
  longTermDecisionDays: number
}
