import 'server-only'
import type { ApplicationKind, ApplicationStatus } from '../../lib/domain/application-status'
import type { StaffRole } from '../../lib/domain/staff-roles'
import { ANKARA, ISTANBUL, IZMIR } from './provinces'

// Demo accounts. The domain `example.org` is reserved, so no real mailbox receives these.
export const DEMO_STAFF: readonly {
  email: string
  displayName: string
  role: StaffRole
  province: number | null
  active?: boolean
}[] = [
  {
    email: 'caseworker.istanbul@example.org',
    displayName: 'Ayşe Yılmaz',
    role: 'caseworker',
    province: ISTANBUL,
  },
  {
    email: 'supervisor.istanbul@example.org',
    displayName: 'Mehmet Kaya',
    role: 'supervisor',
    province: ISTANBUL,
  },
  {
    email: 'admin.istanbul@example.org',
    displayName: 'Zeynep Demir',
    role: 'directorate_admin',
    province: ISTANBUL,
  },
  {
    email: 'caseworker.ankara@example.org',
    displayName: 'Emre Çelik',
    role: 'caseworker',
    province: ANKARA,
  },
  {
    email: 'supervisor.ankara@example.org',
    displayName: 'Elif Şahin',
    role: 'supervisor',
    province: ANKARA,
  },
  {
    email: 'admin.ankara@example.org',
    displayName: 'Burak Arslan',
    role: 'directorate_admin',
    province: ANKARA,
  },
  {
    email: 'caseworker.izmir@example.org',
    displayName: 'Deniz Aydın',
    role: 'caseworker',
    province: IZMIR,
  },
  {
    email: 'admin.national@example.org',
    displayName: 'Selin Öztürk',
    role: 'national_admin',
    province: null,
  },
  {
    email: 'agent.callcentre@example.org',
    displayName: 'Can Yıldız',
    role: 'call_centre_agent',
    province: null,
  },
  {
    email: 'former.caseworker@example.org',
    displayName: 'Eski Personel',
    role: 'caseworker',
    province: ISTANBUL,
    active: false,
  },
]

type DemoPermit = {
  type: string
  purpose: string | null
  number: string
  // Days from the day of seeding, so the demo permits stay in the same place relative to
  // "today": one inside its extension window, one already ended.
  fromDays: number
  untilDays: number
}
type DemoApplication = {
  label: string
  kind: ApplicationKind
  type: string
  purpose: string | null
  status: ApplicationStatus
  province: number
  months: number
  feeKurus: number | null
  basedOnPermit?: boolean
  // The application that granted the person's permit; extensions are pre-filled from it.
  grantedPermit?: boolean
  // Answers of an application already sent.
  answers?: DemoAnswers
}

export type DemoAnswers = {
  givenNames: string
  surname: string
  dateOfBirth: string
  nationality: string
  fatherName: string
  motherName: string
  phone: string
  passportNumber: string
  district: string
  neighbourhood: string
  street: string
}

export const DEMO_APPLICANTS: readonly {
  email: string
  name: string
  locale: string
  permit?: DemoPermit
  applications: readonly DemoApplication[]
}[] = [
  {
    email: 'anna.petrova@example.org',
    name: 'Anna Petrova',
    locale: 'ru',
    permit: {
      type: 'short_term',
      purpose: 'tourism',
      number: 'DEMO-ST-000101',
      fromDays: -342,
      untilDays: 23,
    },
    applications: [
      {
        label: 'anna-extension',
        kind: 'extension',
        type: 'short_term',
        purpose: 'tourism',
        status: 'draft',
        province: ISTANBUL,
        months: 12,
        feeKurus: null,
        basedOnPermit: true,
      },
    ],
  },
  {
    email: 'omar.haddad@example.org',
    name: 'Omar Haddad',
    locale: 'ar',
    applications: [
      {
        label: 'omar-first',
        kind: 'first',
        type: 'short_term',
        purpose: 'tourism',
        status: 'awaiting_appointment',
        province: ISTANBUL,
        months: 12,
        feeKurus: 412_500,
      },
    ],
  },
  {
    email: 'sara.ahmadi@example.org',
    name: 'Sara Ahmadi',
    locale: 'fa',
    permit: {
      type: 'student',
      purpose: null,
      number: 'DEMO-ST-000202',
      fromDays: -438,
      untilDays: -73,
    },
    applications: [
      {
        label: 'sara-transition',
        kind: 'transition',
        type: 'family',
        purpose: null,
        status: 'under_review',
        province: ANKARA,
        months: 24,
        feeKurus: 615_000,
        basedOnPermit: true,
      },
      {
        label: 'sara-old',
        kind: 'first',
        type: 'student',
        purpose: null,
        status: 'delivered',
        province: ANKARA,
        months: 12,
        feeKurus: 96_400,
      },
    ],
  },
  {
    email: 'john.smith@example.org',
    name: 'John Smith',
    locale: 'en',
    permit: {
      type: 'short_term',
      purpose: 'property_owner',
      number: 'DEMO-ST-000303',
      fromDays: -636,
      untilDays: 44,
    },
    applications: [
      {
        label: 'john-extension',
        kind: 'extension',
        type: 'short_term',
        purpose: 'property_owner',
        status: 'missing_documents',
        province: IZMIR,
        months: 24,
        feeKurus: 780_000,
        basedOnPermit: true,
      },
      {
        label: 'john-first',
        kind: 'first',
        type: 'short_term',
        purpose: 'property_owner',
        status: 'approved',
        province: IZMIR,
        months: 12,
        feeKurus: 350_000,
        answers: {
          givenNames: 'John',
          surname: 'Smith',
          dateOfBirth: '1968-05-02',
          nationality: 'GB',
          fatherName: 'Robert',
          motherName: 'Margaret',
          phone: '+905321112233',
          passportNumber: '541234567',
          district: 'Karşıyaka',
          neighbourhood: 'Bostanlı',
          street: 'Cemal Gürsel Cad. 120/4',
        },
      },
    ],
  },
  {
    email: 'li.wei@example.org',
    name: 'Li Wei',
    locale: 'tr',
    permit: {
      type: 'short_term',
      purpose: 'business',
      number: 'DEMO-ST-000404',
      fromDays: -330,
      untilDays: 35,
    },
    applications: [
      {
        label: 'li-first',
        grantedPermit: true,
        kind: 'first',
        type: 'short_term',
        purpose: 'business',
        status: 'delivered',
        province: ANKARA,
        months: 12,
        feeKurus: 350_000,
        answers: {
          givenNames: 'Wei',
          surname: 'Li',
          dateOfBirth: '1985-11-08',
          nationality: 'CN',
          fatherName: 'Jun',
          motherName: 'Mei',
          phone: '+905339876543',
          passportNumber: 'E12345678',
          district: 'Çankaya',
          neighbourhood: 'Kavaklıdere',
          street: 'Tunalı Hilmi Cad. 88/7',
        },
      },
      {
        label: 'li-refused',
        kind: 'first',
        type: 'short_term',
        purpose: 'business',
        status: 'refused',
        province: ANKARA,
        months: 12,
        feeKurus: 350_000,
      },
    ],
  },
]
