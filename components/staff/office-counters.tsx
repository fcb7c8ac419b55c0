'use client'
import { ActionForm } from '@/components/form/action-form'
import { useT } from '@/lib/i18n/client'
import type { FormState } from '@/lib/schemas/form-state'

type Action = (state: FormState, formData: FormData) => Promise<FormState>
type Props = {
  officeId: string
  counters: { id: string; label: string; active: boolean }[]
  addAction: Action
  activeAction: Action
}
const NS = ['staffadmin', 'common', 'validation'] as const

/** The office's counters, each switched off or on by a button, and a form to add one. */
export function OfficeCounters({ officeId, counters, addAction, activeAction }: Props) {
  const t = useT([...NS])
  return (
    <>
      {counters.length === 0 ? <p>{t('offices.counters.none')}</p> : null}
      <ul className="card-list">
        {counters.map((c) => (
          <li key={c.id}>
            <strong>{c.label}</strong>:{' '}
            {t(c.active ? 'offices.counters.open' : 'offices.counters.closed')}
            <ActionForm
              action={activeAction}
              idPrefix={`counter-${c.id}`}
              namespaces={NS}
              variant="secondary"
              hidden={{ officeId, counterId: c.id, active: String(!c.active) }}
              submitLabel={t(c.active ? 'offices.counters.close' : 'offices.counters.reopen', {
                label: c.label,
              })}
            />
          </li>
        ))}
      </ul>
      <ActionForm
        action={addAction}
        idPrefix="counter"
        namespaces={NS}
        hidden={{ officeId }}
        submitLabel={t('offices.counters.add')}
      >
        <div className="form-group">
          <label htmlFor="counter-label">{t('offices.counters.label')}</label>
          <input id="counter-label" name="label" className="input input--short" maxLength={20} />
        </div>
      </ActionForm>
    </>
  )
}
