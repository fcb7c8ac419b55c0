import { describe, expect, it } from 'vitest'
import arApplication from '@/locales/ar/application.json'
import arCommon from '@/locales/ar/common.json'
import enHome from '@/locales/en/home.json'
import ruStaff from '@/locales/ru/staff.json'
import { pageMetadata } from './page-metadata'

const params = (locale: string) => Promise.resolve({ locale })

describe('pageMetadata', () => {
  it("gives the page's title in the page's language", async () => {
    expect(await pageMetadata(params('ar'), 'application:documents.heading')).toEqual({
      title: arApplication.documents.heading,
    })
    expect(
      await pageMetadata(params('ru'), 'staff:holidays.title', { values: { year: 2027 } }),
    ).toEqual({ title: ruStaff.holidays.title.replace('{{year}}', '2027') })
  })

  it('says "Error:" first, in the language, when the page shows errors', async () => {
    const metadata = await pageMetadata(params('ar'), 'application:documents.heading', {
      error: true,
    })
    expect(metadata.title).toBe(
      `${arCommon.errorSummary.titlePrefix} ${arApplication.documents.heading}`,
    )
  })

  it('adds a description when asked, and nothing for an unknown language', async () => {
    expect(await pageMetadata(params('en'), 'home:title', { description: 'home:lead' })).toEqual({
      title: enHome.title,
      description: enHome.lead,
    })
    expect(await pageMetadata(params('xx'), 'home:title')).toEqual({})
  })
})
