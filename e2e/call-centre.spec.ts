import { randomInt, randomUUID } from 'node:crypto'
import { expect, test, type Page } from '@playwright/test'
import enCallcentre from '../locales/en/callcentre.json' with { type: 'json' }
import ruCallcentre from '../locales/ru/callcentre.json' with { type: 'json' }
import ruApplications from '../locales/ru/applications.json' with { type: 'json' }
import ruCommon from '../locales/ru/common.json' with { type: 'json' }
import { makeReferenceNumber, REFERENCE_ALPHABET } from '../lib/domain/reference-number'
import { expectNoSeriousAxeProblems } from './support/axe'
import { e2eDb } from './support/e2e-db'
import { storeAnswers } from './support/sealed-answers'
import { arrivedTexts, latestMessage, waitFor, waitForMail } from './support/mailbox'
import { signInWithCode } from './support/sign-in'
import { createStaffMember } from './support/staff'

// A call-centre agent on a phone verifies a caller and reads the status out in Russian; the
// page never shows the passport number, the address, the name or the full date of birth.

const AGENT = 'agent.callcentre@example.org'
const PASSPORT = 'P7319AB52'
// A Turkish mobile number of its own per run, so the fake gateway's inbox is this test's.
const PHONE = `+90532${String(randomInt(0, 10_000_000)).padStart(7, '0')}`
const ANSWERS = {
  personal: { givenNames: 'Olga', surname: 'Smirnova', dateOfBirth: '1987-11-04', phone: PHONE },
  passport: { passportNumber: PASSPORT },
  address: { district: 'Kadıköy', street: 'Moda Caddesi 77' },
}

async function sentApplication(
  status = 'under_review',
): Promise<{ reference: string; applicationId: string; email: string }> {
  const db = e2eDb()
  const userId = randomUUID()
  const applicationId = randomUUID()
  const email = `caller.${userId.slice(0, 8)}@example.org`
  const reference = makeReferenceNumber(
    Array.from({ length: 9 }, () => randomInt(0, REFERENCE_ALPHABET.length)),
  )
  const [directorate] = await db<{ id: string }[]>`
    select id from directorates where province_code = 34`
  await db`insert into users (id, email, preferred_locale)
           values (${userId}, ${email}, 'ru')`
  await db`insert into applications (id, reference, applicant_id, kind, permit_type_code,
             purpose_code, status, province_code, directorate_id, requested_months, submitted_at,
             decision_due_on, form_data)
           values (${applicationId}, ${reference}, ${userId}, 'first', 'short_term', 'tourism',
             ${status}, 34, ${directorate!.id}, 12, now() - interval '10 days',
             current_date + 60, ${db.json({})})`
  await storeAnswers(applicationId, ANSWERS)
  return { reference, applicationId, email }
}

async function check(
  page: Page,
  reference: string,
  lastFour: string,
  {
    t = enCallcentre,
    reason = 'status_question',
  }: { t?: typeof enCallcentre; reason?: string } = {},
) {
  await page.getByLabel(t.fields.reference).fill(reference.toLowerCase().replace(/-/g, ''))
  await page.locator('input[name="dateOfBirth-day"]').fill('4')
  await page.locator('input[name="dateOfBirth-month"]').fill('11')
  await page.locator('input[name="dateOfBirth-year"]').fill('1987')
  await page.getByLabel(t.fields.passportLastFour).fill(lastFour)
  await page.getByLabel(t.fields.reason).selectOption(reason)
  await page.getByRole('button', { name: t.submit }).click()
}

test('an agent verifies a caller and reads the status in Russian', async ({ page }) => {
  const { reference } = await sentApplication()
  await signInWithCode(page, AGENT, { staff: true })
  await expect(page).toHaveURL(/\/en\/staff/)
  await page.goto('/en/staff/lookup?speak=ru')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(enCallcentre.title)
  await expect(page.getByLabel(enCallcentre.fields.speak)).toHaveValue('ru')

  // One wrong detail: the same "not found" as an unknown reference.
  await check(page, reference, 'AB53')
  await expect(page.getByText(enCallcentre.notFound).first()).toBeVisible()

  await check(page, reference, 'ab52')
  const view = page.getByRole('status').filter({ hasText: enCallcentre.view.title })
  await expect(view).toContainText(reference)
  await expect(page.getByTestId('spoken-status')).toHaveText(ruCommon.status.under_review)
  await expect(page.getByTestId('spoken-step')).toHaveText(
    ruApplications.progress.steps.under_review,
  )
  await expect(page.locator('.callcentre-spoken')).toHaveAttribute('lang', 'ru')

  const html = await page.content()
  for (const hidden of [
    PASSPORT,
    'Smirnova',
    'Olga',
    '1987-11-04',
    'Moda Caddesi',
    'Kadıköy',
    PHONE.slice(3),
    '<img',
  ])
    expect(html).not.toContain(hidden)
  await expectNoSeriousAxeProblems(page)

  // The console in Persian: right to left, and nothing wider than the phone.
  await page.goto('/fa/staff/lookup')
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
  await expectNoSeriousAxeProblems(page)
})

/** A second agent, so this test never signs in the same address as the one above at once. */
async function newAgent(): Promise<string> {
  return (await createStaffMember('call_centre_agent', null)).email
}

/** A confirmed appointment in five days, and the reminder the job sent about it. */
async function appointmentWithReminder(applicationId: string) {
  const db = e2eDb()
  const [office] = await db<{ id: string; directorate_id: string }[]>`
    select o.id, o.directorate_id from offices o
      join directorates d on d.id = o.directorate_id
     where d.province_code = 34 order by o.name limit 1`
  const [applicant] = await db<{ applicant_id: string }[]>`
    select applicant_id from applications where id = ${applicationId}`
  const slotId = randomUUID()
  const appointmentId = randomUUID()
  // Odd seconds, so the slot never meets one the office generated.
  await db`insert into appointment_slots (id, office_id, directorate_id, starts_at, ends_at, capacity)
           values (${slotId}, ${office!.id}, ${office!.directorate_id},
             date_trunc('minute', now()) + interval '5 days' + make_interval(secs => ${randomInt(1, 59)}),
             date_trunc('minute', now()) + interval '5 days 15 minutes', 1)`
  await db`insert into slot_seats (slot_id, seat_no, state, appointment_id)
           values (${slotId}, 1, 'confirmed', ${appointmentId})`
  await db`insert into appointments (id, application_id, applicant_id, slot_id, seat_no, status, confirmed_at)
           values (${appointmentId}, ${applicationId}, ${applicant!.applicant_id}, ${slotId}, 1,
             'confirmed', now() - interval '3 days')`
  // Sent yesterday, with both parts, to the address the applicant had then: the message sent
  // again must go to today's address, with the same two parts.
  await db`insert into outbox_messages (id, template, recipient, locale, subject, body, html,
             status, application_id, created_at)
           values (${randomUUID()}, 'appointment-reminder', ${`old.${applicationId.slice(0, 8)}@example.org`}, 'ru',
             'Напоминание о приёме', ${'Напоминаем: у вас запись на приём через 3 дня.\n\nВозьмите паспорт.'},
             ${'<html dir="ltr" lang="ru"><body><p>Возьмите паспорт.</p></body></html>'},
             'sent', ${applicationId}, now() - interval '1 day')`
  await db`insert into outbox_messages (id, channel, template, recipient, locale, subject, body,
             status, application_id, created_at)
           values (${randomUUID()}, 'sms', 'sms-appointment-reminder', '+905329990000', 'ru', '',
             'Напоминание: приём через 3 дня. Возьмите паспорт.', 'sent', ${applicationId},
             now() - interval '1 day')`
}

test('an agent with the console in Russian resends an appointment reminder', async ({ page }) => {
  const t = ruCallcentre
  const { reference, applicationId, email } = await sentApplication('awaiting_appointment')
  await appointmentWithReminder(applicationId)
  await signInWithCode(page, await newAgent(), { staff: true, locale: 'ru' })
  await expect(page).toHaveURL(/\/ru\/staff/)
  await page.goto('/ru/staff/lookup')
  await expect(page.getByLabel(t.fields.speak)).toHaveValue('ru')
  await check(page, reference, '9AB52', { t, reason: 'appointment_question' })
  await expect(page.getByText(t.errors.passportLastFour).first()).toBeVisible()
  await check(page, reference, 'AB52', { t, reason: 'appointment_question' })
  await expect(page.getByTestId('spoken-who')).toHaveText(
    t.spoken.whoActs.replace('{{who}}', t.view.ball.applicant),
  )

  const started = new Date(Date.now() - 1000)
  const actions = page.getByRole('region', { name: t.actions.title })
  await actions.getByRole('button', { name: t.actions.resend }).click()
  await expect(actions.getByText(t.actions.done.resend.both)).toBeVisible()
  const again = await latestMessage(email, 'appointment-reminder', started)
  expect(again).toMatchObject({ locale: 'ru', application_id: applicationId })

  // It arrives at today's address as one message with a text part and an HTML part, in Russian,
  // and the text message reaches today's mobile number.
  const arrived = await waitForMail(email, started, (m) => m.subject === 'Напоминание о приёме')
  expect(arrived.text).toContain('Возьмите паспорт.')
  expect(arrived.html).toContain('lang="ru"')
  expect(arrived.html).toContain('Возьмите паспорт.')
  expect(arrived.messageId).toMatch(/@portal\.ikamet\.test>$/)
  const sms = await waitFor(async () => (await arrivedTexts(PHONE))[0], `SMS to ${PHONE}`)
  expect(sms.text).toBe('Напоминание: приём через 3 дня. Возьмите паспорт.')
  expect(sms.clientReference).not.toBe('')

  await actions.getByRole('button', { name: t.actions.changeLink }).click()
  await expect(actions.getByText(t.actions.done.link.both)).toBeVisible()
  const link = await latestMessage(email, 'appointment-change-link', started)
  expect(link?.body).toContain(`/ru/applications/${applicationId}/appointment`)
  const linkMail = await waitForMail(email, started, (m) => m.text.includes('/appointment'))
  expect(linkMail.html).toContain(`/ru/applications/${applicationId}/appointment`)
  const linkSms = await waitFor(
    async () => (await arrivedTexts(PHONE)).find((m) => m.text.includes('/appointment')),
    `change link SMS to ${PHONE}`,
  )
  expect(linkSms.text).toContain(`/ru/applications/${applicationId}/appointment`)

  // The answers of the actions are on the page now: still nothing that identifies the caller.
  const html = await page.content()
  for (const hidden of [
    PASSPORT,
    'Smirnova',
    'Olga',
    '1987-11-04',
    'Moda Caddesi',
    'Kadıköy',
    email,
    PHONE,
    PHONE.slice(3),
    '<img',
  ])
    expect(html).not.toContain(hidden)
  await expectNoSeriousAxeProblems(page)
})
