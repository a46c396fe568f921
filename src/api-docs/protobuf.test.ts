import { describe, expect, test } from 'vitest';
import type { ProtobufModel } from './model.ts';
import { parseProtobuf } from './protobuf.ts';
import { fixture, named } from '../../test/support/api-definitions.ts';
import { typeText } from './type-text.ts';

function model(source: string): ProtobufModel {
  const result = parseProtobuf(source);
  if (!result.ok) throw new Error(`expected the file to parse, got: ${result.error}`);
  return result.model;
}

describe('the demo pricing service', () => {
  const m = model(fixture('pricing.proto'));

  test('package, syntax, imports and the service with its rpcs and comments', () => {
    expect(m).toMatchObject({ syntax: 'proto3', package: 'fernway.pricing.v1', imports: ['google/protobuf/timestamp.proto'] });
    expect(m.services).toHaveLength(1);
    const service = m.services[0];
    expect(service?.name).toBe('PricingService');
    expect(service?.description).toMatch(/^PricingService computes sellable prices/);
    expect(service?.methods.map((r) => r.name)).toEqual(['QuoteFlights', 'QuoteHotel', 'ValidateOffer', 'ConvertAmount']);
    expect(service?.methods[0]).toMatchObject({
      id: 'rpc-PricingService.QuoteFlights',
      requestType: [{ text: 'QuoteFlightsRequest', target: 'message-QuoteFlightsRequest' }],
      responseType: [{ text: 'QuoteFlightsResponse', target: 'message-QuoteFlightsResponse' }],
      clientStreaming: false,
      serverStreaming: false,
      description: 'Prices a set of flight itineraries returned by search.',
    });
  });

  test('messages with numbered fields, repeated labels, trailing comments and unlinked imported types', () => {
    const segment = named(m.messages, 'FlightSegment');
    expect(segment.fields.map((f) => [f.number, f.name, typeText(f.type)])).toEqual([
      [1, 'carrier', 'string'],
      [2, 'flight_number', 'string'],
      [3, 'origin', 'string'],
      [4, 'destination', 'string'],
      [5, 'departs_at', 'google.protobuf.Timestamp'],
      [6, 'arrives_at', 'google.protobuf.Timestamp'],
      [7, 'cabin', 'Cabin'],
      [8, 'fare_basis', 'string'],
    ]);
    expect(named(segment.fields, 'carrier').description).toBe('IATA airline code, e.g. "TP"');
    expect(named(segment.fields, 'departs_at').type[0]?.target).toBeUndefined();
    expect(named(segment.fields, 'cabin').type).toEqual([{ text: 'Cabin', target: 'enum-Cabin' }]);
    expect(named(named(m.messages, 'FlightItinerary').fields, 'segments')).toMatchObject({
      label: 'repeated',
      type: [{ text: 'FlightSegment', target: 'message-FlightSegment' }],
    });
    expect(named(m.enums, 'Cabin').values.map((v) => [v.name, v.number])).toEqual([
      ['CABIN_UNSPECIFIED', 0],
      ['CABIN_ECONOMY', 1],
      ['CABIN_PREMIUM_ECONOMY', 2],
      ['CABIN_BUSINESS', 3],
      ['CABIN_FIRST', 4],
    ]);
  });
});

describe('protobuf features', () => {
  const m = model(`
syntax = "proto3";
package shop.v1;

// A cart.
message Cart {
  map<string, Line> lines = 1;
  optional string coupon = 2;
  oneof owner {
    string user_id = 3;
    Guest guest = 4;
  }
  // A line of the cart.
  message Line {
    int32 quantity = 1;
    Status status = 2;
  }
  enum Status {
    STATUS_UNSPECIFIED = 0;
    // Reserved in stock.
    STATUS_HELD = 1;
  }
  string legacy = 5 [deprecated = true];
}

message Guest { string email = 1; }

service Carts {
  rpc Watch(stream Cart) returns (stream Cart.Line) { option deprecated = true; }
  rpc Get(.shop.v1.Cart) returns (Cart);
}
`);

  test('nested types follow their parent and resolve by scope; maps, optional, oneof and deprecation', () => {
    expect(m.messages.map((msg) => msg.fullName)).toEqual(['Cart', 'Cart.Line', 'Guest']);
    expect(m.enums.map((e) => e.fullName)).toEqual(['Cart.Status']);
    expect(named(m.enums, 'Status').values[1]).toEqual({ name: 'STATUS_HELD', number: 1, description: 'Reserved in stock.' });
    const cart = named(m.messages, 'Cart');
    expect(cart.description).toBe('A cart.');
    expect(cart.fields.map((f) => [f.name, f.label, f.oneof, typeText(f.type), f.deprecated])).toEqual([
      ['lines', 'map', undefined, 'map<string, Line>', false],
      ['coupon', 'optional', undefined, 'string', false],
      ['user_id', undefined, 'owner', 'string', false],
      ['guest', undefined, 'owner', 'Guest', false],
      ['legacy', undefined, undefined, 'string', true],
    ]);
    expect(cart.fields[0]?.type[1]).toEqual({ text: 'Line', target: 'message-Cart.Line' });
    expect(named(named(m.messages, 'Line').fields, 'status').type).toEqual([{ text: 'Status', target: 'enum-Cart.Status' }]);
  });

  test('streaming rpcs, absolute type names and deprecated rpcs', () => {
    const [watch, get] = m.services[0]?.methods ?? [];
    expect(watch).toMatchObject({
      clientStreaming: true,
      serverStreaming: true,
      deprecated: true,
      responseType: [{ text: 'Cart.Line', target: 'message-Cart.Line' }],
    });
    expect(get?.requestType).toEqual([{ text: '.shop.v1.Cart', target: 'message-Cart' }]);
  });

  test('proto2 required fields and editions', () => {
    const proto2 = model('syntax = "proto2";\nmessage A { required int32 r = 1; optional int32 o = 2; repeated int32 x = 3; }');
    expect(proto2.syntax).toBe('proto2');
    expect(proto2.messages[0]?.fields.map((f) => f.label)).toEqual(['required', undefined, 'repeated']);
    expect(model('edition = "2023";\nmessage A { int32 x = 1; }').syntax).toBe('edition 2023');
  });
});

describe('broken and hostile input', () => {
  test('syntax errors carry the line', () => {
    expect(parseProtobuf('syntax = "proto3";\nmessage A {\n  string x = ;\n}\n')).toEqual({
      ok: false,
      error: "Protobuf syntax error: illegal id ';'",
      line: 3,
    });
    expect(parseProtobuf('syntax = "proto3";\n')).toEqual({ ok: false, error: 'the file defines no service, message or enum' });
  });

  test('deep nesting is refused and wide files are capped', () => {
    expect(parseProtobuf(`syntax = "proto3";\n${'message A { '.repeat(3_000)}${'}'.repeat(3_000)}`)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/levels deep/),
    });
    const wide = model(`syntax = "proto3";\n${Array.from({ length: 2_100 }, (_, i) => `message M${i} { int32 x = 1; }`).join('\n')}`);
    expect(wide.messages).toHaveLength(2_000);
    expect(wide.notices).toEqual(['Only the first 2000 services, messages and enums are shown.']);
  });
});
