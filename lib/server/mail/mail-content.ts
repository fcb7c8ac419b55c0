import 'server-only'

/**
 * What an e-mail says, as blocks. The text part and the HTML part are both rendered from
 * these, so the two can never say different things.
 */
export type MailBlock =
  | { type: 'paragraph'; text: string }
  // A one-time code: on its own line in text, large and left to right in HTML.
  | { type: 'code'; code: string }
  // Label and value pairs, such as the time and place of an appointment.
  | { type: 'facts'; rows: readonly (readonly [label: string, value: string])[] }
  | { type: 'list'; items: readonly string[] }
  // A link that is the next step: "label:" and the address in text, a link in HTML.
  | { type: 'link'; label: string; href: string }

export type MailContent = { subject: string; blocks: readonly MailBlock[] }

/** The closing lines of every message: who sent it, and that replies are not read. */
export type MailFooter = { authority: string; automatic: string }

const LIST_ITEM = /^[-•]\s+/

/**
 * Plain text as blocks: paragraphs are separated by a blank line, and a paragraph whose every
 * line starts with "- " is a list. Used for text that was written as one string.
 */
export function textToBlocks(text: string): MailBlock[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((part) => part.replace(/^\n+|\s+$/g, ''))
    .filter((part) => part.trim() !== '')
    .map((part): MailBlock => {
      const lines = part.split('\n')
      return lines.every((line) => LIST_ITEM.test(line))
        ? { type: 'list', items: lines.map((line) => line.replace(LIST_ITEM, '')) }
        : { type: 'paragraph', text: part }
    })
}

function blockText(block: MailBlock): string {
  switch (block.type) {
    case 'paragraph':
      return block.text
    case 'code':
      return block.code
    case 'facts':
      return block.rows.map(([label, value]) => `${label}: ${value}`).join('\n')
    case 'list':
      return block.items.map((item) => `- ${item}`).join('\n')
    case 'link':
      return `${block.label}:\n${block.href}`
  }
}

/** The text/plain part. */
export function renderMailText(content: MailContent, footer: MailFooter): string {
  return [...content.blocks.map(blockText), `${footer.authority}\n${footer.automatic}`].join('\n\n')
}
