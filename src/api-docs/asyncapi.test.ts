import { describe, expect, test } from 'vitest';
import { parseAsyncApi } from './asyncapi.ts';
import type { AsyncApiModel } from './model.ts';
import { fixture, named } from '../../test/support/api-definitions.ts';
import { typeText } from './type-text.ts';

function model(source: string): AsyncApiModel {
  const result = parseAsyncApi(source);
  if (!result.ok) throw new Error(`expected the definition to parse, got: ${result.error}`);
  return result.model;
}

describe('AsyncAPI 2.6 (the demo Booking events)', () => {
  const m = model(fixture('booking-asyncapi.yaml'));

  test('reads info, servers, the channel and its subscribe operation', () => {
    expect(m.label).toBe('AsyncAPI 2.6.0');
    expect(m.info).toMatchObject({ title: 'Booking events', version: '1.3.0' });
    expect(m.defaultContentType).toBe('application/json');
    expect(m.servers.map((s) => [s.name, s.protocol])).toEqual([
      ['production', 'kafka-secure'],
      ['staging', 'kafka-secure'],
    ]);
    expect(m.channels).toEqual([
      expect.objectContaining({ id: 'channel-booking.events.v1', name: 'booking.events.v1', operations: ['op-receiveBookingEvent'] }),
    ]);
    expect(m.operations).toEqual([
      expect.objectContaining({
        name: 'receiveBookingEvent',
        action: 'subscribe',
        channel: 'channel-booking.events.v1',
        summary: 'Booking lifecycle events, published by booking-service.',
        messages: ['message-BookingCreated', 'message-BookingConfirmed', 'message-BookingTicketed', 'message-BookingCancelled'],
      }),
    ]);
  });

  test('messages: oneOf refs resolved once each, traits supply headers, allOf payloads merged', () => {
    expect(m.messages.map((msg) => msg.name)).toEqual(['BookingCreated', 'BookingConfirmed', 'BookingTicketed', 'BookingCancelled']);
    const confirmed = named(m.messages, 'BookingConfirmed');
    expect(confirmed).toMatchObject({ title: 'Booking confirmed', contentType: 'application/json' });
    expect(confirmed.headers?.properties.map((p) => [p.name, p.required])).toEqual([
      ['ce_type', true],
      ['ce_id', true],
      ['ce_source', true],
      ['ce_time', true],
      ['traceparent', false],
    ]);
    expect(confirmed.payload?.type).toEqual([{ text: 'EventEnvelope', target: 'schema-EventEnvelope' }, { text: ' & object' }]);
    const payload = confirmed.payload?.properties ?? [];
    expect(payload.map((p) => p.name)).toEqual(['eventId', 'type', 'occurredAt', 'bookingId', 'data']);
    expect(typeText(named(payload, 'type').type)).toBe('"fernway.booking.confirmed.v1"');
    expect(named(payload, 'data').properties?.map((p) => p.name)).toContain('paymentId');
  });

  test('examples: given ones with headers and payload, otherwise generated from the payload', () => {
    const confirmed = named(m.messages, 'BookingConfirmed');
    expect(confirmed.examples[0]).toMatchObject({ name: 'returnFlightAndHotel', summary: 'Flight + hotel to Lisbon', generated: false });
    expect(JSON.parse(confirmed.examples[0]?.value ?? '')).toMatchObject({ headers: { ce_source: 'booking-service' }, payload: { bookingId: 'FW-7Q2K9D' } });
    const ticketed = named(m.messages, 'BookingTicketed');
    expect(ticketed.examples[0]?.generated).toBe(true);
    expect(JSON.parse(ticketed.examples[0]?.value ?? '')).toMatchObject({
      type: 'fernway.booking.ticketed.v1',
      data: { tickets: [{ documentNumber: '0472345678901' }] },
    });
  });

  test('component schemas are listed and linked', () => {
    expect(m.schemas.map((s) => s.name)).toEqual(['EventEnvelope', 'Money', 'BookingSnapshot']);
    expect(named(named(m.schemas, 'BookingSnapshot').properties, 'total').type).toEqual([{ text: 'Money', target: 'schema-Money' }]);
  });
});

describe('AsyncAPI 3.0', () => {
  const m = model(fixture('orders-asyncapi-3.0.yaml'));

  test('channels with addresses and parameters; operations with send/receive and their channel', () => {
    expect(m.servers).toEqual([{ name: 'production', url: 'broker.example.com:5672/orders', protocol: 'amqp' }]);
    expect(m.channels.map((c) => [c.name, c.address, c.operations])).toEqual([
      ['orderPlaced', 'orders.placed', ['op-publishOrderPlaced']],
      ['orderShipped', 'orders.{region}.shipped', ['op-onOrderShipped']],
    ]);
    expect(named(m.channels, 'orderShipped').parameters).toEqual([{ name: 'region', description: 'Warehouse region, e.g. eu.' }]);
    expect(m.operations.map((o) => [o.name, o.action, o.channel, o.channelName, o.messages])).toEqual([
      ['publishOrderPlaced', 'send', 'channel-orderPlaced', 'orders.placed', ['message-OrderPlaced']],
      // Without `messages`, an operation carries every message of its channel.
      ['onOrderShipped', 'receive', 'channel-orderShipped', 'orders.{region}.shipped', ['message-OrderShipped']],
    ]);
  });

  test('a message referenced from a channel and an operation is listed once; non-JSON-Schema payloads are named', () => {
    expect(m.messages.map((msg) => msg.name)).toEqual(['OrderPlaced', 'OrderShipped']);
    const placed = named(m.messages, 'OrderPlaced');
    expect(placed.payload?.type).toEqual([{ text: 'Order', target: 'schema-Order' }]);
    expect(placed.headers?.properties[0]).toMatchObject({ name: 'correlationId', description: 'Request that caused the event.' });
    expect(JSON.parse(placed.examples[0]?.value ?? '')).toEqual({ id: '3fa85f64-5717-4562-b3fc-2c963f66afa6', lines: [{ sku: 'string', quantity: 1 }] });
    const shipped = named(m.messages, 'OrderShipped');
    expect(shipped.payload).toEqual({
      type: [{ text: 'application/vnd.apache.avro;version=1.9.0 schema' }],
      properties: [],
      schemaFormat: 'application/vnd.apache.avro;version=1.9.0',
    });
    expect(shipped.examples).toEqual([]);
    expect(named(named(m.schemas, 'Order').properties, 'lines').properties?.map((p) => p.name)).toEqual(['sku', 'quantity']);
  });
});

describe('broken and hostile input', () => {
  test('says what is wrong', () => {
    expect(parseAsyncApi('openapi: 3.0.0\n')).toMatchObject({ ok: false, error: expect.stringMatching(/no `asyncapi` field/) });
    expect(parseAsyncApi('asyncapi: 1.2.0\n')).toMatchObject({ ok: false, error: expect.stringMatching(/`asyncapi: 1.2.0` is not a version/) });
    expect(parseAsyncApi('asyncapi: 2.6.0\nchannels:\n  a:\n   - b\n  c: d: e\n')).toMatchObject({ ok: false, line: 5 });
  });

  test('message ref cycles and dangling refs do not hang', () => {
    const m = model(`
asyncapi: 2.6.0
info: { title: t, version: '1' }
channels:
  loop:
    publish:
      message: { $ref: '#/components/messages/A' }
  dangling:
    subscribe:
      message: { $ref: '#/components/messages/Nope' }
components:
  messages:
    A: { $ref: '#/components/messages/B' }
    B: { $ref: '#/components/messages/A' }
`);
    expect(m.operations.map((o) => [o.name, o.messages])).toEqual([
      ['publish loop', []],
      ['subscribe dangling', []],
    ]);
    expect(m.notices.join('\n')).toMatch(/point nowhere/);
  });
});
