import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseIsoTime } from '../../src/events/iso-time.ts'

// The fast path must read every time exactly as Date.parse does, including the ones it hands over to it.
describe('parseIsoTime', () => {
  it('reads every fixed-width UTC time of the years 0001 to 9999 as Date.parse does', () => {
    const times = fc.date({
      min: new Date('0001-01-01T00:00:00.000Z'),
      max: new Date('9999-12-31T23:59:59.999Z'),
      noInvalidDate: true,
    })
    fc.assert(
      fc.property(times, (date) => {
        const text = date.toISOString()
        expect(parseIsoTime(text)).toBe(date.getTime())
        expect(parseIsoTime(text)).toBe(Date.parse(text))
      }),
      { numRuns: 2000 },
    )
  })

  it.each([
    '2024-02-29T12:00:00.000Z', // a leap day
    '2023-02-29T12:00:00.000Z', // no such day
    '2024-04-31T00:00:00.000Z',
    '2024-01-01T24:00:00.000Z', // the end of a day
    '2024-13-01T00:00:00.000Z',
    '0050-06-01T00:00:00.000Z', // a year Date.UTC would read as 1950
    '2024-01-01T00:00:00.00xZ',
    '2024-01-01T00:00:00.000+01:00',
    '2024-01-01',
    'not a time at all, 24 ch',
    '',
  ])('hands %j to the general parser, with its answer', (text) => {
    expect(Object.is(parseIsoTime(text), Date.parse(text))).toBe(true)
  })
})
