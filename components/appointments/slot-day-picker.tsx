'use client'
import { useQuery } from '@tanstack/react-query'
import { useState, type MouseEvent } from 'react'
import { IdempotentForm } from '@/components/form/idempotent-form'
import type { Locale } from '@/lib/domain/locales'
import { useT } from '@/lib/i18n/client'
import { formatDateWithWeekday } from '@/lib/i18n/format-date'
import { freeSlotsQueryOptions } from '@/lib/queries/free-slots'
import type { FormState } from '@/lib/schemas/form-state'
import { SlotChoices } from './slot-choices'

type Props = {
  locale: Locale
  applicationId: string
  from: string | null
  /** The day asked for in the address (`?day=`), if any. */
  day: string | null
  /** This page's address with its other parameters, ending where `day=` can be added. */
  dayHrefPrefix: string
  idempotencyKey: string
  action: (state: FormState, formData: FormData) => Promise<FormState>
}

const plainClick = (e: MouseEvent) =>
  e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey

/**
 * One day's free times at a time, with a list of the days that have places and how many.
 * Each day is a link (`?day=`), so the page works without JavaScript; with it, choosing a day
 * only swaps the times below, from the same react-query answer.
 */
export function SlotDayPicker(props: Props) {
  const { locale, applicationId, from, dayHrefPrefix } = props
  const t = useT('appointments')
  const { data } = useQuery(freeSlotsQueryOptions(applicationId, from))
  const [chosen, setChosen] = useState(props.day)
  const days = data?.days ?? []
  const current = days.find((d) => d.date === chosen) ?? days[0]
  if (!current) return <p className="notice">{t('noSlots')}</p>
  const offices = new Set(days.flatMap((d) => d.slots.map((s) => s.officeName)))
  const choose = (date: string) => (e: MouseEvent<HTMLAnchorElement>) => {
    if (!plainClick(e)) return
    e.preventDefault()
    setChosen(date)
    window.history.replaceState(window.history.state, '', `${dayHrefPrefix}${date}`)
  }
  return (
    <>
      <nav className="day-picker" aria-label={t('dayPicker.label')}>
        <ul>
          {days.map((d) => (
            <li key={d.date}>
              <a
                href={`${dayHrefPrefix}${d.date}`}
                aria-current={d.date === current.date ? 'date' : undefined}
                onClick={choose(d.date)}
              >
                <span className="day-picker__day">{formatDateWithWeekday(d.date, locale)}</span>
                <span className="day-picker__count">
                  {t('freePlaces', { count: d.slots.reduce((sum, s) => sum + s.free, 0) })}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <IdempotentForm
        idempotencyKey={props.idempotencyKey}
        action={props.action}
        submitLabel={t('holdButton')}
      >
        <SlotChoices
          locale={locale}
          days={[current]}
          dayLabel={(date) => formatDateWithWeekday(date, locale)}
          legend={(label) => t('chooseLegend', { day: label })}
          placesLabel={(count) => t('freePlaces', { count })}
          showOffice={offices.size > 1}
        />
      </IdempotentForm>
    </>
  )
}
