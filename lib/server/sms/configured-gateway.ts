import 'server-only'
import { smsGatewaySettings } from '../env'
import { createHttpSmsGateway } from './http-sms-gateway'
import type { SmsGateway } from './sms-gateway'

/** The gateway the deployment configured, or null when it sends no SMS. */
export function configuredSmsGateway(): SmsGateway | null {
  const settings = smsGatewaySettings()
  return settings ? createHttpSmsGateway(settings) : null
}

export function isSmsEnabled(): boolean {
  return smsGatewaySettings() !== undefined
}
