'use client'
import { ActionForm } from '@/components/form/action-form'
import type { StaffRole } from '@/lib/domain/staff-roles'
import { useT } from '@/lib/i18n/client'
import type { FormState } from '@/lib/schemas/form-state'
import type { StaffAccountRow } from '@/lib/schemas/staff/staff-accounts'
import { DirectorateField } from './staff-account-form'

type Action = (state: FormState, formData: FormData) => Promise<FormState>
type Props = {
  member: StaffAccountRow
  roles: StaffRole[]
  directorates: { id: string; name: string }[]
  roleAction: Action
  activeAction: Action
}

const NS = ['staffadmin', 'staff', 'common', 'validation'] as const

/** Change one member's role, and switch the account off or on. Both carry the role shown. */
export function StaffMemberForms({ member, roles, directorates, roleAction, activeAction }: Props) {
  const t = useT([...NS])
  const hidden = { userId: member.userId, wasRole: member.role }
  return (
    <>
      <h2>{t('accounts.member.roleTitle')}</h2>
      <ActionForm
        action={roleAction}
        idPrefix="role"
        hidden={hidden}
        namespaces={NS}
        submitLabel={t('accounts.member.roleSubmit')}
      >
        <div className="form-group">
          <label htmlFor="role-role">{t('accounts.role')}</label>
          <select id="role-role" name="role" className="select" defaultValue={member.role}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`staff:role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        {directorates.length > 0 ? (
          <DirectorateField
            id="role-directorateId"
            name="directorateId"
            label={t('accounts.directorate')}
            hint={t('accounts.create.directorateHint')}
            none={t('accounts.noDirectorate')}
            options={directorates}
            defaultValue={member.directorateId ?? ''}
          />
        ) : null}
      </ActionForm>
      <h2>
        {t(member.active ? 'accounts.member.activeTitle' : 'accounts.member.reactivateTitle')}
      </h2>
      {member.active ? <p className="hint">{t('accounts.member.activeHint')}</p> : null}
      <ActionForm
        action={activeAction}
        idPrefix="active"
        hidden={{ ...hidden, active: String(!member.active) }}
        namespaces={NS}
        variant={member.active ? 'warning' : 'secondary'}
        submitLabel={t(member.active ? 'accounts.member.deactivate' : 'accounts.member.reactivate')}
      />
    </>
  )
}
