// Every locale imports every namespace, so a missing file fails the build.
import tr_common from '@/locales/tr/common.json'
import tr_home from '@/locales/tr/home.json'
import tr_auth from '@/locales/tr/auth.json'
import tr_applications from '@/locales/tr/applications.json'
import tr_application from '@/locales/tr/application.json'
import tr_staff from '@/locales/tr/staff.json'
import tr_validation from '@/locales/tr/validation.json'
import tr_mail from '@/locales/tr/mail.json'
import tr_api from '@/locales/tr/api.json'
import tr_appointments from '@/locales/tr/appointments.json'
import tr_waitlist from '@/locales/tr/waitlist.json'
import tr_assignment from '@/locales/tr/assignment.json'
import tr_draws from '@/locales/tr/draws.json'
import tr_casework from '@/locales/tr/casework.json'
import tr_permits from '@/locales/tr/permits.json'
import tr_lookup from '@/locales/tr/lookup.json'
import tr_callcentre from '@/locales/tr/callcentre.json'
import tr_staffadmin from '@/locales/tr/staffadmin.json'
import tr_sessions from '@/locales/tr/sessions.json'
import tr_payments from '@/locales/tr/payments.json'
import en_common from '@/locales/en/common.json'
import en_home from '@/locales/en/home.json'
import en_auth from '@/locales/en/auth.json'
import en_applications from '@/locales/en/applications.json'
import en_application from '@/locales/en/application.json'
import en_staff from '@/locales/en/staff.json'
import en_validation from '@/locales/en/validation.json'
import en_mail from '@/locales/en/mail.json'
import en_api from '@/locales/en/api.json'
import en_appointments from '@/locales/en/appointments.json'
import en_waitlist from '@/locales/en/waitlist.json'
import en_assignment from '@/locales/en/assignment.json'
import en_draws from '@/locales/en/draws.json'
import en_casework from '@/locales/en/casework.json'
import en_permits from '@/locales/en/permits.json'
import en_lookup from '@/locales/en/lookup.json'
import en_callcentre from '@/locales/en/callcentre.json'
import en_staffadmin from '@/locales/en/staffadmin.json'
import en_sessions from '@/locales/en/sessions.json'
import en_payments from '@/locales/en/payments.json'
import ar_common from '@/locales/ar/common.json'
import ar_home from '@/locales/ar/home.json'
import ar_auth from '@/locales/ar/auth.json'
import ar_applications from '@/locales/ar/applications.json'
import ar_application from '@/locales/ar/application.json'
import ar_staff from '@/locales/ar/staff.json'
import ar_validation from '@/locales/ar/validation.json'
import ar_mail from '@/locales/ar/mail.json'
import ar_api from '@/locales/ar/api.json'
import ar_appointments from '@/locales/ar/appointments.json'
import ar_waitlist from '@/locales/ar/waitlist.json'
import ar_assignment from '@/locales/ar/assignment.json'
import ar_draws from '@/locales/ar/draws.json'
import ar_casework from '@/locales/ar/casework.json'
import ar_permits from '@/locales/ar/permits.json'
import ar_lookup from '@/locales/ar/lookup.json'
import ar_callcentre from '@/locales/ar/callcentre.json'
import ar_staffadmin from '@/locales/ar/staffadmin.json'
import ar_sessions from '@/locales/ar/sessions.json'
import ar_payments from '@/locales/ar/payments.json'
import fa_common from '@/locales/fa/common.json'
import fa_home from '@/locales/fa/home.json'
import fa_auth from '@/locales/fa/auth.json'
import fa_applications from '@/locales/fa/applications.json'
import fa_application from '@/locales/fa/application.json'
import fa_staff from '@/locales/fa/staff.json'
import fa_validation from '@/locales/fa/validation.json'
import fa_mail from '@/locales/fa/mail.json'
import fa_api from '@/locales/fa/api.json'
import fa_appointments from '@/locales/fa/appointments.json'
import fa_waitlist from '@/locales/fa/waitlist.json'
import fa_assignment from '@/locales/fa/assignment.json'
import fa_draws from '@/locales/fa/draws.json'
import fa_casework from '@/locales/fa/casework.json'
import fa_permits from '@/locales/fa/permits.json'
import fa_lookup from '@/locales/fa/lookup.json'
import fa_callcentre from '@/locales/fa/callcentre.json'
import fa_staffadmin from '@/locales/fa/staffadmin.json'
import fa_sessions from '@/locales/fa/sessions.json'
import fa_payments from '@/locales/fa/payments.json'
import ru_common from '@/locales/ru/common.json'
import ru_home from '@/locales/ru/home.json'
import ru_auth from '@/locales/ru/auth.json'
import ru_applications from '@/locales/ru/applications.json'
import ru_application from '@/locales/ru/application.json'
import ru_staff from '@/locales/ru/staff.json'
import ru_validation from '@/locales/ru/validation.json'
import ru_mail from '@/locales/ru/mail.json'
import ru_api from '@/locales/ru/api.json'
import ru_appointments from '@/locales/ru/appointments.json'
import ru_waitlist from '@/locales/ru/waitlist.json'
import ru_assignment from '@/locales/ru/assignment.json'
import ru_draws from '@/locales/ru/draws.json'
import ru_casework from '@/locales/ru/casework.json'
import ru_permits from '@/locales/ru/permits.json'
import ru_lookup from '@/locales/ru/lookup.json'
import ru_callcentre from '@/locales/ru/callcentre.json'
import ru_staffadmin from '@/locales/ru/staffadmin.json'
import ru_sessions from '@/locales/ru/sessions.json'
import ru_payments from '@/locales/ru/payments.json'
import type { Locale } from '@/lib/domain/locales'
import type { Namespace } from './settings'

export type Messages = { [key: string]: string | Messages }

export const RESOURCES: Record<Locale, Record<Namespace, Messages>> = {
  tr: {
    common: tr_common,
    home: tr_home,
    auth: tr_auth,
    applications: tr_applications,
    application: tr_application,
    staff: tr_staff,
    validation: tr_validation,
    mail: tr_mail,
    api: tr_api,
    appointments: tr_appointments,
    waitlist: tr_waitlist,
    assignment: tr_assignment,
    draws: tr_draws,
    casework: tr_casework,
    permits: tr_permits,
    lookup: tr_lookup,
    callcentre: tr_callcentre,
    staffadmin: tr_staffadmin,
    sessions: tr_sessions,
    payments: tr_payments,
  },
  en: {
    common: en_common,
    home: en_home,
    auth: en_auth,
    applications: en_applications,
    application: en_application,
    staff: en_staff,
    validation: en_validation,
    mail: en_mail,
    api: en_api,
    appointments: en_appointments,
    waitlist: en_waitlist,
    assignment: en_assignment,
    draws: en_draws,
    casework: en_casework,
    permits: en_permits,
    lookup: en_lookup,
    callcentre: en_callcentre,
    staffadmin: en_staffadmin,
    sessions: en_sessions,
    payments: en_payments,
  },
  ar: {
    common: ar_common,
    home: ar_home,
    auth: ar_auth,
    applications: ar_applications,
    application: ar_application,
    staff: ar_staff,
    validation: ar_validation,
    mail: ar_mail,
    api: ar_api,
    appointments: ar_appointments,
    waitlist: ar_waitlist,
    assignment: ar_assignment,
    draws: ar_draws,
    casework: ar_casework,
    permits: ar_permits,
    lookup: ar_lookup,
    callcentre: ar_callcentre,
    staffadmin: ar_staffadmin,
    sessions: ar_sessions,
    payments: ar_payments,
  },
  fa: {
    common: fa_common,
    home: fa_home,
    auth: fa_auth,
    applications: fa_applications,
    application: fa_application,
    staff: fa_staff,
    validation: fa_validation,
    mail: fa_mail,
    api: fa_api,
    appointments: fa_appointments,
    waitlist: fa_waitlist,
    assignment: fa_assignment,
    draws: fa_draws,
    casework: fa_casework,
    permits: fa_permits,
    lookup: fa_lookup,
    callcentre: fa_callcentre,
    staffadmin: fa_staffadmin,
    sessions: fa_sessions,
    payments: fa_payments,
  },
  ru: {
    common: ru_common,
    home: ru_home,
    auth: ru_auth,
    applications: ru_applications,
    application: ru_application,
    staff: ru_staff,
    validation: ru_validation,
    mail: ru_mail,
    api: ru_api,
    appointments: ru_appointments,
    waitlist: ru_waitlist,
    assignment: ru_assignment,
    draws: ru_draws,
    casework: ru_casework,
    permits: ru_permits,
    lookup: ru_lookup,
    callcentre: ru_callcentre,
    staffadmin: ru_staffadmin,
    sessions: ru_sessions,
    payments: ru_payments,
  },
}
