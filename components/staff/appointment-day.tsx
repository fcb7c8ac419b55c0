import type { DayAppointment, OfficeGroup } from '@/lib/domain/appointments/day-view'
import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { CounterActions, type CounterAction } from './counter-actions'

type Props = {
  locale: Locale
  offices: OfficeGroup<DayAppointment>[]
  /** Whether the viewer may check people in; others see the list only. */
  canCheckIn: boolean
  isToday: boolean
  /** The appointment the last refused try was about, and its message for the field. */
  fieldError: { appointmentId: string; message: string } | null
  checkInAction: CounterAction
  noShowAction: CounterAction
}

const TAG: Record<DayAppointment['status'], string> = {
  confirmed: 'tag',
  attended: 'tag tag--nobody',
  no_show: 'tag tag--applicant',
}

/** The day at the counters: per office, those not yet seen first, then each counter. */
export function AppointmentDay(props: Props) {
  const { locale, offices, canCheckIn } = props
  const t = getT(locale, 'staff')
  const columns = {
    time: t('appointments.columns.time'),
    reference: t('appointments.columns.reference'),
    name: t('appointments.columns.name'),
    status: t('appointments.columns.status'),
    actions: t('appointments.columns.actions'),
  }
  return offices.map(({ office, groups }) => (
    <section key={office.id} aria-labelledby={`office-${office.id}`}>
      <h2 id={`office-${office.id}`}>{office.name}</h2>
      {groups.length === 0 ? <p>{t('appointments.officeEmpty')}</p> : null}
      {groups.map((group) => (
        <table key={group.counter?.id ?? 'waiting'} className="table table--stack">
          <caption>
            {group.counter
              ? t('appointments.counter', { label: group.counter.label })
              : t('appointments.waiting')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{columns.time}</th>
              <th scope="col">{columns.reference}</th>
              <th scope="col">{columns.name}</th>
              <th scope="col">{columns.status}</th>
              {canCheckIn ? <th scope="col">{columns.actions}</th> : null}
            </tr>
          </thead>
          <tbody>
            {group.appointments.map((a) => (
              <tr key={a.id} id={`appointment-${a.id}`}>
                <td data-label={columns.time}>
                  <time dateTime={a.startsAt}>{a.time}</time>
                </td>
                <td data-label={columns.reference}>
                  <span className="ref">{a.reference}</span>
                </td>
                <td data-label={columns.name}>
                  {a.applicantName ?? t('appointments.nameUnknown')}
                </td>
                <td data-label={columns.status}>
                  <strong className={TAG[a.status]}>{t(`appointments.status.${a.status}`)}</strong>
                </td>
                {canCheckIn ? (
                  <td data-label={columns.actions}>
                    {a.status === 'confirmed' ? (
                      <CounterActions
                        locale={locale}
                        appointment={a}
                        counters={office.counters.filter((c) => c.active)}
                        isToday={props.isToday}
                        error={
                          props.fieldError?.appointmentId === a.id
                            ? props.fieldError.message
                            : undefined
                        }
                        checkInAction={props.checkInAction}
                        noShowAction={props.noShowAction}
                      />
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  ))
}
