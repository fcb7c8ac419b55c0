// Earlier names of the appointment formats, kept so code written against them still reads the
// same Gregorian, İstanbul-time text. New code imports from format-date.ts.
export {
  formatDateTime as formatAppointmentTime,
  formatDateWithWeekday as formatAppointmentDay,
} from './format-date'
