/** Lesson 2 runs as a learner runs it, and prints what the lesson teaches. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadCourse } from '../../tools/workbook/course.ts'
import {
  ANSI,
  expectEverySectionRan,
  npmRun,
  type CommandResult,
} from './run-workbook.ts'

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
const lesson = (await loadCourse()).lessons.find((l) => l.number === 2)!
const learnerDir = mkdtempSync(join(tmpdir(), 'learner-'))
afterAll(() => rmSync(learnerDir, { recursive: true, force: true }))

describe("npm run lesson 2, from a learner's own directory", () => {
  let result: CommandResult
  let stdout: string

  beforeAll(async () => {
    result = await npmRun('lesson', ['2'], { cwd: learnerDir })
    stdout = result.stdout
  }, 60_000)

  it('runs every section, in order, and succeeds', () => {
    expectEverySectionRan(result, lesson)
  })

  it('defines OrderPlaced, an event of the Order aggregate, and a DomainEvent', () => {
    expect(stdout).toContain('OrderPlaced of Order order-1001')
    expect(stdout).toContain(
      'customer-42 ordered 2 × MUG-01, 1 × TEA-07: 45.00 EUR',
    )
    expect(stdout).toContain(
      'instanceof OrderPlaced: true, instanceof DomainEvent: true',
    )
  })

  it('lists the twelve base fields, what they hold and who sets them', () => {
    for (const row of [
      new RegExp(`^eventId +"${UUID}" +generated$`, 'm'),
      /^eventType +"OrderPlaced" +the class$/m,
      /^eventVersion +1 +the class$/m,
      /^occurredAt +\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z +generated$/m,
      /^aggregateId +"order-1001" +you \(required\)$/m,
      /^aggregateType +"Order" +the class$/m,
      /^aggregateVersion +1 +you \(default 1\)$/m,
      /^tenantId +undefined +you \(optional\)$/m,
      /^actorId +"customer-42" +you \(optional\)$/m,
      new RegExp(`^correlationId +"${UUID}" +generated$`, 'm'),
      /^causationId +undefined +you \(optional\)$/m,
      /^metadata +\{"channel":"web"\} +you \(default \{\}\)$/m,
    ])
      expect(stdout).toMatch(row)
  })

  it('shows that every change to an event, however deep, throws a TypeError', () => {
    for (const [change, error] of [
      [
        'placed.totalCents = 0',
        "Cannot assign to read only property 'totalCents'",
      ],
      [
        'placed.items[0].quantity = 99',
        "Cannot assign to read only property 'quantity'",
      ],
      [
        'placed.items.push(…)',
        'Cannot add property 2, object is not extensible',
      ],
      [
        "placed.metadata.channel = 'app'",
        "Cannot assign to read only property 'channel'",
      ],
    ])
      expect(stdout).toContain(`${change}\n  → TypeError: ${error}\n`)
    expect(stdout).not.toContain('changed!')
    expect(stdout).toContain('Original metadata: {"channel":"web"}')
    expect(stdout).toContain(
      `Copy's metadata:   {"channel":"web","campaign":"spring-sale"}`,
    )
    expect(stdout).toContain('Same eventId: true')
    expect(stdout).toContain(
      'A copy at aggregateVersion 5; the original stays at 1',
    )
  })

  it('lists every wrong field of an event with its path, and a rule across fields under its own', () => {
    expect(stdout).toContain(
      [
        'EventValidationError: 5 problems in OrderPlaced',
        '  aggregateVersion: expected an integer of 1 or more, got 0',
        '  customerId: Too small: expected string to have >=1 characters',
        '  items.0.quantity: Too small: expected number to be >0',
        '  currency: must have three letters',
        '  currency: must be in capital letters, such as EUR',
        'EventValidationError: 1 problem in OrderPlaced',
        '  totalCents: must be the sum of the items',
      ].join('\n'),
    )
  })

  it('shows the JSON of an event, a store round trip, and a Date refused in a payload', () => {
    expect(stdout).toMatch(
      /^\{\n {2}"eventId": "[0-9a-f-]{36}",\n {2}"eventType": "OrderPlaced",\n/m,
    )
    expect(stdout).toMatch(/^ {2}"occurredAt": "\d{4}-[\d-]+T[\d:.]+Z",$/m)
    expect(stdout).toContain(
      '  "metadata": {},\n  "customerId": "customer-42",',
    )
    expect(stdout).not.toContain('"tenantId"')
    expect(stdout).toContain(
      'Read back: instanceof OrderPlaced true, the same object false\n' +
        '  occurredAt a Date again true, the same JSON true',
    )
    expect(stdout).toContain(
      'new OrderDeliveryBooked({ deliverOn: new Date() }) → EventValidationError\n' +
        '  deliverOn: a Date cannot be stored as JSON as it is',
    )
  })

  it('shows the registries, a duplicate refused and an unknown type named with the registered ones', () => {
    expect(stdout).toContain(
      'defaultRegistry: OrderPlaced, OrderPaid, OrderShipped, OrderCancelled,\n' +
        '  PaymentReceived\n',
    )
    expect(stdout).toContain('shop: OrderPlaced, OrderPaid\n')
    expect(stdout).toContain("shop.has('OrderShipped'): false")
    expect(stdout).toContain(
      'DuplicateEventTypeError: Event type "OrderPaid" is already registered by\n' +
        '  another class.',
    )
    expect(stdout).toContain(
      'EventTypeNotFoundError: Unknown event type "OrderShipped". Registered types:\n' +
        '  OrderPlaced, OrderPaid.',
    )
    expect(stdout).toContain(
      "A store on shop's registry refuses OrderShipped:\n" +
        '  EventTypeNotFoundError; global position 0, nothing written',
    )
  })

  it('chains four events of one checkout by causation, and finds them by correlation', () => {
    const id = '[0-9a-f]{8}'
    const rows = [
      ['OrderPlaced', 'Order order-1001', '—'],
      ['OrderPlaced', 'Order order-1002', '—'],
      ['PaymentReceived', 'Payment payment-7001', id],
      ['OrderPaid', 'Order order-1001', id],
      ['OrderShipped', 'Order order-1001', id],
    ].map(
      ([type, stream, cause]) =>
        new RegExp(`^${type} +${stream} +(${id}) +(${cause}) +(${id})$`, 'm'),
    )
    const [placed, other, received, paid, shipped] = rows.map((row) =>
      row.exec(stdout)!,
    )
    expect(placed).not.toBeNull()
    // Each event's cause is the event before it in the checkout; all four share the first's correlation id.
    expect(received![2]).toBe(placed![1])
    expect(paid![2]).toBe(received![1])
    expect(shipped![2]).toBe(paid![1])
    for (const row of [received, paid, shipped])
      expect(row![3]).toBe(placed![3])
    expect(other![3]).not.toBe(placed![3])
    expect(stdout).toContain(
      'Why shipped? OrderShipped ← OrderPaid ← PaymentReceived ← OrderPlaced',
    )
    expect(stdout).toContain(
      `Checkout ${placed![3]}: 4 of the 5 events, on 2 aggregates`,
    )
  })

  it("tells each order's history in the past tense, and refuses an event dated tomorrow", () => {
    expect(stdout).toContain(
      [
        'order-1001:',
        '  v1 OrderPlaced    customer-42 ordered 3 items for 45.00 EUR',
        '  v2 OrderPaid      paid 45.00 EUR (payment-7001)',
        '  v3 OrderShipped   shipped by DHL, tracking JD014600003',
        'order-1002:',
        '  v1 OrderPlaced    customer-42 ordered 3 items for 45.00 EUR',
        '  v2 OrderCancelled cancelled: ordered twice by mistake',
        'OrderShipped dated tomorrow: EventValidationError',
        '  occurredAt: is in the future',
      ].join('\n'),
    )
    expect(stdout).toContain('something that already happened')
  })

  it("leaves nothing in the learner's directory, and prints no colour codes when not on a terminal", () => {
    expect(readdirSync(learnerDir)).toEqual([])
    expect(stdout).not.toMatch(ANSI)
  })
})
