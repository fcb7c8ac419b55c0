import type { Locale } from '@/lib/domain/locales'
import { getT } from '@/lib/i18n/create-translator'
import { formatDateWithWeekday } from '@/lib/i18n/format-date'
import { formatNumber } from '@/lib/i18n/format-number'
import type { AgentVolume } from '@/lib/domain/call-centre/lookup-volumes'

type Agent = AgentVolume & { agentId: string; agentName: string; total: number }

/** One agent's days with lookups, newest first; an unusual day is said in words, not colour only. */
function AgentTable({ agent, locale }: { agent: Agent; locale: Locale }) {
  const t = getT(locale, 'callcentre')
  return (
    <section aria-labelledby={`agent-${agent.agentId}`}>
      <h2 id={`agent-${agent.agentId}`}>{agent.agentName}</h2>
      <dl className="callcentre-facts">
        <dt>{t('supervise.total')}</dt>
        <dd>{formatNumber(agent.total, locale)}</dd>
        <dt>{t('supervise.median')}</dt>
        <dd>
          {agent.median === null
            ? t('supervise.fewDays')
            : formatNumber(agent.median, locale, { maximumFractionDigits: 1 })}
        </dd>
      </dl>
      <table className="table lookup-volume">
        <thead>
          <tr>
            <th scope="col">{t('supervise.day')}</th>
            <th scope="col">{t('supervise.lookups')}</th>
            <th scope="col">{t('supervise.unusual')}</th>
          </tr>
        </thead>
        <tbody>
          {agent.days.map((d) => (
            <tr key={d.day}>
              <td>{formatDateWithWeekday(d.day, locale)}</td>
              <td>{formatNumber(d.lookups, locale)}</td>
              <td className={d.unusual ? 'unusual' : undefined}>
                {d.unusual ? t('supervise.unusualMark') : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

export function LookupVolumeTables({ agents, locale }: { agents: Agent[]; locale: Locale }) {
  const t = getT(locale, 'callcentre')
  if (agents.length === 0) return <p>{t('supervise.none')}</p>
  return (
    <>
      {agents.map((agent) => (
        <AgentTable key={agent.agentId} agent={agent} locale={locale} />
      ))}
    </>
  )
}
