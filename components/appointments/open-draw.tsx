import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { formatDateTime, formatDateWithWeekday } from '@/lib/i18n/format-date'
import type { OpenDraw as OpenDrawView } from '@/lib/schemas/draws'
import { DrawChoices } from './draw-choices'

type Props = {
  locale: Locale
  draw: OpenDrawView
  /** The choices this application already sent to this draw, most wanted first. */
  chosen: string[]
  idempotencyKey: string
  action: (formData: FormData) => Promise<void>
}

/** One open draw: how it works in plain words, then the numbered choices and the button. */
export function OpenDraw({ locale, draw, chosen, idempotencyKey, action }: Props) {
  const t = getT(locale, 'draws')
  const closes = formatDateTime(draw.closesAt, locale)
  const labels = [1, 2, 3, 4, 5].map((n) => t(`choiceLabel.${n}`))
  return (
    <section aria-labelledby={`draw-${draw.windowId}`}>
      <h2 id={`draw-${draw.windowId}`}>{t('office', { name: draw.officeName })}</h2>
      <p className="hint">{draw.officeAddress}</p>
      <p className="notice">{t('closes', { time: closes })}</p>
      <h3>{t('how.title')}</h3>
      <ol>
        <li>{t('how.choose')}</li>
        <li>{t('how.change', { time: closes })}</li>
        <li>{t('how.chance')}</li>
        <li>{t('how.result')}</li>
      </ol>
      <p>{t('how.speed')}</p>
      {draw.slots.length === 0 ? (
        <p className="notice">{t('noTimes')}</p>
      ) : (
        <form action={action}>
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <DrawChoices
            slots={draw.slots}
            labels={labels}
            noChoice={t('noChoice')}
            dayLabel={(date) => formatDateWithWeekday(date, locale)}
            chosen={chosen}
            hint={t('choicesHint')}
          />
          <button type="submit" className="button">
            {t(chosen.length > 0 ? 'change' : 'send')}
          </button>
        </form>
      )}
    </section>
  )
}
