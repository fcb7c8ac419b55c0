import type { Locale } from '@/lib/domain/locales'
import { formatNumber } from './format-number'

/** A file size in the reader's language: "850 kB", "4,5 MB". */
export function formatFileSize(locale: Locale, bytes: number): string {
  const mb = bytes >= 1024 * 1024
  return formatNumber(bytes / (mb ? 1024 * 1024 : 1024), locale, {
    style: 'unit',
    unit: mb ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: mb ? 1 : 0,
  })
}

/**
 * "600 × 780" for width × height, kept left to right inside Arabic and Persian sentences:
 * without the isolate the bidi algorithm shows the two numbers swapped there.
 */
export function formatDimensions(width: number, height: number): string {
  return `\u2066${width} × ${height}\u2069`
}
