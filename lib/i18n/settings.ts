export const NAMESPACES = [
  'common',
  'home',
  'auth',
  'applications',
  'application',
  'staff',
  'validation',
  'mail',
  'api',
  'appointments',
  'waitlist',
  'assignment',
  'draws',
  'casework',
  'permits',
  'lookup',
  'callcentre',
  'staffadmin',
  'sessions',
  'payments',
] as const
export type Namespace = (typeof NAMESPACES)[number]
export const DEFAULT_NAMESPACE: Namespace = 'common'

// Namespaces client components need; the others stay on the server.
export const CLIENT_NAMESPACES = [
  'common',
  'validation',
  'auth',
  'application',
  'appointments',
] as const satisfies readonly Namespace[]
