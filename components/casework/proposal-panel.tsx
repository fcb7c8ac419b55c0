import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { formatDate } from '@/lib/i18n/format-date'
import type { CaseView } from '@/lib/domain/casework/case-view'
import { CaseForm, type BoundAction } from './case-forms'

type Props = {
  locale: Locale
  view: CaseView
  confirm: BoundAction | undefined
  reject: BoundAction | undefined
}

/** Four-eyes: the proposed decision, who proposed it, and the supervisor's two answers. */
export function ProposalPanel({ locale, view, confirm, reject }: Props) {
  const proposal = view.proposal
  if (!proposal) return null
  const t = getT(locale, 'casework')
  const p = proposal.payload
  return (
    <section className="notice proposal" aria-labelledby="proposal-title">
      <h2 id="proposal-title">{t(`proposal.${proposal.kind}`)}</h2>
      <p>
        {t('proposal.by', {
          name: proposal.byName ?? '—',
          date: formatDate(proposal.at.toISOString(), locale),
        })}
      </p>
      {proposal.kind === 'refuse' ? (
        <>
          <p>{t(`case.legalBases.${p.legalBasis}`)}</p>
          <blockquote>{p.reason}</blockquote>
        </>
      ) : (
        <p>
          {t('proposal.period', {
            from: formatDate(p.validFrom ?? '', locale),
            until: formatDate(p.validUntil ?? '', locale),
          })}
        </p>
      )}
      {confirm || reject ? null : <p className="hint">{t('proposal.waiting')}</p>}
      <CaseForm
        locale={locale}
        name="confirm_proposal"
        action={confirm}
        version={view.version}
        hidden={{ outcome: 'confirm' }}
      />
      <CaseForm
        locale={locale}
        name="reject_proposal"
        action={reject}
        version={view.version}
        hidden={{ outcome: 'reject' }}
        variant="secondary"
      />
    </section>
  )
}
