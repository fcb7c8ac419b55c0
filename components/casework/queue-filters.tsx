'use client'
import type { FormEvent } from 'react'
import { APPLICATION_KINDS, CASEWORK_STATUSES } from '@/lib/domain/application-status'
import type { NationalityOption } from '@/lib/domain/nationalities'
import { PERMIT_TYPE_CODES } from '@/lib/domain/permits/permit-types'
import { useT } from '@/lib/i18n/client'
import { ASSIGNMENT_FILTERS, QUEUE_SORTS, type QueueQuery } from '@/lib/schemas/casework/queue'

type Props = {
  query: QueueQuery
  nationalities: readonly NationalityOption[]
  onChange: (next: QueueQuery) => void
}

function readForm(form: HTMLFormElement): QueueQuery {
  const data = Object.fromEntries(new FormData(form)) as Record<string, string>
  const pick = (key: string) => data[key] || undefined
  return {
    status: pick('status') as QueueQuery['status'],
    kind: pick('kind') as QueueQuery['kind'],
    permitType: pick('permitType') as QueueQuery['permitType'],
    nationality: pick('nationality'),
    submittedFrom: pick('submittedFrom'),
    submittedTo: pick('submittedTo'),
    assigned: (pick('assigned') ?? 'any') as QueueQuery['assigned'],
    overdue: data.overdue === '1' ? '1' : undefined,
    sort: (pick('sort') ?? 'submitted') as QueueQuery['sort'],
  }
}

/** A plain GET form (works without JavaScript); with it, each change refreshes the list at once. */
export function QueueFilters({ query, nationalities, onChange }: Props) {
  const t = useT(['casework', 'common'])
  const changed = (event: FormEvent<HTMLFormElement>) => onChange(readForm(event.currentTarget))
  const select = (
    name: keyof QueueQuery,
    options: readonly string[],
    label: (o: string) => string,
  ) => (
    <div className="field">
      <label htmlFor={`q-${name}`}>{t(`queue.filters.${name}`)}</label>
      <select id={`q-${name}`} name={name} defaultValue={(query[name] as string | undefined) ?? ''}>
        {name === 'assigned' || name === 'sort' ? null : (
          <option value="">{t('queue.filters.all')}</option>
        )}
        {options.map((o) => (
          <option key={o} value={o}>
            {label(o)}
          </option>
        ))}
      </select>
    </div>
  )
  return (
    <form
      method="get"
      className="queue-filters"
      onChange={changed}
      onSubmit={(event) => {
        event.preventDefault()
        changed(event)
      }}
    >
      {select('status', CASEWORK_STATUSES, (s) => t(`common:status.${s}`))}
      {select('kind', APPLICATION_KINDS, (k) => t(`common:kind.${k}`))}
      {select('permitType', PERMIT_TYPE_CODES, (p) => t(`common:permitType.${p}`))}
      <div className="field">
        <label htmlFor="q-nationality">{t('queue.filters.nationality')}</label>
        <select id="q-nationality" name="nationality" defaultValue={query.nationality ?? ''}>
          <option value="">{t('queue.filters.all')}</option>
          {nationalities.map((n) => (
            <option key={n.code} value={n.code}>
              {n.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="q-submittedFrom">{t('queue.filters.submittedFrom')}</label>
        <input
          id="q-submittedFrom"
          name="submittedFrom"
          type="date"
          defaultValue={query.submittedFrom ?? ''}
        />
      </div>
      <div className="field">
        <label htmlFor="q-submittedTo">{t('queue.filters.submittedTo')}</label>
        <input
          id="q-submittedTo"
          name="submittedTo"
          type="date"
          defaultValue={query.submittedTo ?? ''}
        />
      </div>
      {select('assigned', ASSIGNMENT_FILTERS, (a) => t(`queue.assignment.${a}`))}
      {select('sort', QUEUE_SORTS, (s) => t(`queue.sort.${s}`))}
      <div className="checkbox">
        <input
          id="q-overdue"
          name="overdue"
          type="checkbox"
          value="1"
          defaultChecked={query.overdue === '1'}
        />
        <label htmlFor="q-overdue">{t('queue.filters.overdue')}</label>
      </div>
      <button type="submit" className="button button--secondary">
        {t('queue.filters.apply')}
      </button>
    </form>
  )
}
