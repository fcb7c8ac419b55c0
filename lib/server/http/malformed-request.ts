// Requests Next.js itself cannot read and would answer with a 500: a path with a broken
// percent-escape, or a router-state header that is not the tree the client router sends. The
// proxy refuses them with 400 before Next.js tries (SECURITY.md, "Robustness").
// Next.js's own parser decides about the header, so what passes here also passes there; an
// upgrade that moves it breaks the build, not the check.
import { parseAndValidateFlightRouterState } from 'next/dist/server/app-render/parse-and-validate-flight-router-state'

function decodes(text: string): boolean {
  try {
    decodeURIComponent(text)
    return true
  } catch {
    return false
  }
}

function readsAsRouterState(header: string): boolean {
  try {
    parseAndValidateFlightRouterState(header)
    return true
  } catch {
    return false
  }
}

/** Why the request cannot be read, or null when it can. */
export function malformedRequestReason(pathname: string, headers: Headers): string | null {
  if (!decodes(pathname)) return 'path'
  const state = headers.get('next-router-state-tree')
  if (state !== null && !readsAsRouterState(state)) return 'router_state'
  return null
}
