import type { TFunction } from 'i18next'

type Props = { t: TFunction; tr: TFunction | null; k: string }

/** A label in the reader's language with the Turkish beside it, as staff read the form in Turkish. */
export function BilingualLabel({ t, tr, k }: Props) {
  return (
    <>
      {t(k)}
      {tr ? (
        <span className="tr-label" lang="tr" dir="ltr">
          {tr(k)}
        </span>
      ) : null}
    </>
  )
}

/**
 * A value in the reader's language with the Turkish beside it (a permit type, a date, a
 * status); shown once when both read the same (a reference, a name).
 */
export function BilingualValue({ value, tr }: { value: string; tr: string | null }) {
  return (
    <>
      {value}
      {tr && tr !== value ? (
        <span className="tr-label" lang="tr" dir="ltr">
          {tr}
        </span>
      ) : null}
    </>
  )
}
