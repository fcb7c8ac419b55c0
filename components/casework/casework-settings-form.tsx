'use client'
import { ActionForm } from '@/components/form/action-form'
import { useT } from '@/lib/i18n/client'
import type { FormState } from '@/lib/schemas/form-state'
import type { CaseworkSettings } from '@/lib/domain/casework/casework-settings'
import { EXTENSION_ROUTES } from '@/lib/domain/permits/extension-route'

type Props = {
  settings: CaseworkSettings
  action: (state: FormState, formData: FormData) => Promise<FormState>
}

/** Four-eyes, the long-term decision time and the extension route of one directorate. */
export function CaseworkSettingsForm({ settings, action }: Props) {
  const t = useT(['casework', 'common', 'validation'])
  return (
    <ActionForm
      action={action}
      idPrefix="settings"
      submitLabel={t('settings.save')}
      namespaces={['casework', 'common', 'validation']}
      hidden={{
        directorateId: settings.directorateId,
        wasFourEyesRefusals: String(settings.fourEyesRefusals),
        wasFourEyesLongTerm: String(settings.fourEyesLongTerm),
        wasLongTermDecisionDays: settings.longTermDecisionDays,
        wasExtensionRoute: settings.extensionRoute,
      }}
    >
      <fieldset className="checkboxes">
        <legend>{t('settings.fourEyesLegend')}</legend>
        <p className="hint">{t('settings.fourEyesHint')}</p>
        <div className="checkbox">
          <input
            type="checkbox"
            id="settings-fourEyesRefusals"
            name="fourEyesRefusals"
            value="yes"
            defaultChecked={settings.fourEyesRefusals}
          />
          <label htmlFor="settings-fourEyesRefusals">{t('settings.fourEyesRefusals')}</label>
        </div>
        <div className="checkbox">
          <input
            type="checkbox"
            id="settings-fourEyesLongTerm"
            name="fourEyesLongTerm"
            value="yes"
            defaultChecked={settings.fourEyesLongTerm}
          />
          <label htmlFor="settings-fourEyesLongTerm">{t('settings.fourEyesLongTerm')}</label>
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="settings-longTermDecisionDays">{t('settings.longTermDays')}</label>
        <p className="hint" id="settings-longTermDecisionDays-hint">
          {t('settings.longTermDaysHint')}
        </p>
        <input
          id="settings-longTermDecisionDays"
          name="longTermDecisionDays"
          inputMode="numeric"
          className="input input--short"
          aria-describedby="settings-longTermDecisionDays-hint"
          defaultValue={settings.longTermDecisionDays}
        />
      </div>
      <fieldset className="radios">
        <legend>{t('settings.extensionRoute')}</legend>
        <p className="hint">{t('settings.extensionRouteHint')}</p>
        {EXTENSION_ROUTES.map((route) => (
          <div className="radio" key={route}>
            <input
              type="radio"
              id={`settings-extensionRoute-${route}`}
              name="extensionRoute"
              value={route}
              defaultChecked={settings.extensionRoute === route}
            />
            <label htmlFor={`settings-extensionRoute-${route}`}>
              {t(`settings.extensionRoutes.${route}`)}
            </label>
          </div>
        ))}
      </fieldset>
    </ActionForm>
  )
}
