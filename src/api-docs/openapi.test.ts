import { describe, expect, test } from 'vitest';
import type { OpenApiModel, OpenApiOperation } from './model.ts';
import { parseOpenApi } from './openapi.ts';
import { fixture, named } from '../../test/support/api-definitions.ts';
import { typeText } from './type-text.ts';

function model(source: string): OpenApiModel {
  const result = parseOpenApi(source);
  if (!result.ok) throw new Error(`expected the definition to parse, got: ${result.error}`);
  return result.model;
}

function operation(m: OpenApiModel, operationId: string): OpenApiOperation {
  const found = m.groups.flatMap((g) => g.operations).find((op) => op.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId}`);
  return found;
}

function failure(source: string): { error: string; line?: number } {
  const result = parseOpenApi(source);
  if (result.ok) throw new Error('expected the definition to fail');
  return result;
}

describe('OpenAPI 3.0 (the demo Booking API)', () => {
  const m = model(fixture('booking-openapi.yaml'));

  test('reads info, servers, tags and counts', () => {
    expect(m.label).toBe('OpenAPI 3.0.3');
    expect(m.info).toMatchObject({ title: 'Fernway Booking API', version: '1.8.0' });
    expect(m.info.description).toMatch(/^Create, read and cancel bookings\./);
    expect(m.servers.map((s) => s.url)).toEqual(['https://booking.internal.fernway.example', 'https://booking.staging.internal.fernway.example']);
    expect(m.groups.map((g) => [g.name, g.operations.map((op) => op.operationId)])).toEqual([
      ['Bookings', ['createBooking', 'listBookings', 'getBooking']],
      ['Changes', ['cancelBooking', 'updateTraveller']],
    ]);
    expect(m.operationCount).toBe(5);
    expect(m.notices).toEqual([]);
  });

  test('an operation has its parameters (refs resolved), body with examples, and responses', () => {
    const create = operation(m, 'createBooking');
    expect(create).toMatchObject({
      id: 'op-createBooking',
      method: 'post',
      path: '/v1/bookings',
      summary: 'Create a booking from a priced offer',
      deprecated: false,
    });
    expect(create.parameters).toEqual([expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true, type: [{ text: 'string (uuid)' }] })]);
    const body = create.requestBody?.contents[0];
    expect(body?.mediaType).toBe('application/json');
    expect(body?.type).toEqual([{ text: 'CreateBookingRequest', target: 'schema-CreateBookingRequest' }]);
    expect(body?.properties).toEqual([]); // a named schema is linked, not repeated
    expect(body?.examples[0]).toMatchObject({ name: 'returnFlight', summary: 'Return flight, two adults', generated: false });
    expect(JSON.parse(body?.examples[0]?.value ?? '')).toMatchObject({ offerId: 'off_01HZX4T6V3M9K2Q8R7P5N1B0CD' });

    expect(create.responses.map((r) => r.status)).toEqual(['201', '400', '402', '409']);
    const created = named(
      create.responses.map((r) => ({ ...r, name: r.status })),
      '201',
    );
    expect(created.headers).toEqual([{ name: 'Location', type: [{ text: 'string' }], description: 'URL of the new booking.' }]);
    // `$ref: '#/components/examples/ConfirmedBooking'` is followed.
    expect(created.contents[0]?.examples[0]).toMatchObject({ name: 'confirmed', summary: 'A confirmed flight + hotel booking' });
    // `$ref: '#/components/responses/BadRequest'` is followed.
    expect(
      named(
        create.responses.map((r) => ({ ...r, name: r.status })),
        '400',
      ).description,
    ).toBe('The request is malformed or fails validation.');
  });

  test('path-level parameters apply to each operation; arrays of named schemas link', () => {
    expect(operation(m, 'getBooking').parameters.map((p) => [p.name, p.in, p.required])).toEqual([['bookingId', 'path', true]]);
    const status = named(operation(m, 'listBookings').parameters, 'status');
    expect(status.type).toEqual([{ text: 'array of ' }, { text: 'BookingStatus', target: 'schema-BookingStatus' }]);
  });

  test('a body that is a named schema links to it, whose example is generated once, with the schema', () => {
    const ok = operation(m, 'listBookings').responses[0]?.contents[0];
    expect(ok?.type).toEqual([{ text: 'BookingPage', target: 'schema-BookingPage' }]);
    expect(ok?.examples).toEqual([]);
    const example = named(m.schemas, 'BookingPage').example;
    expect(example?.generated).toBe(true);
    const value = JSON.parse(example?.value ?? '') as { items: { id: string; createdAt: string }[] };
    expect(value.items[0]).toMatchObject({ id: 'FW-7Q2K9D', createdAt: '2024-07-12T06:10:00Z' });
  });

  test('named schemas: properties with types, required, enums, and inline objects one level down', () => {
    expect(m.schemas.length).toBeGreaterThanOrEqual(15);
    const status = named(m.schemas, 'BookingStatus');
    expect(status.enum).toEqual(['"pending_payment"', '"confirmed"', '"ticketed"', '"cancelled"', '"failed"']);
    const booking = named(m.schemas, 'Booking');
    expect(typeText(booking.type)).toBe('object');
    expect(named(booking.properties, 'status')).toMatchObject({ required: true, type: [{ text: 'BookingStatus', target: 'schema-BookingStatus' }] });
    expect(typeText(named(booking.properties, 'items').type)).toBe('array of BookingItem');
    expect(named(booking.properties, 'paymentId')).toMatchObject({ required: false, description: 'Payment intent in the payments gateway.' });

    const refund = named(named(m.schemas, 'CancellationResult').properties, 'refund');
    expect(refund.properties?.map((p) => [p.name, typeText(p.type), p.required])).toEqual([
      ['amount', 'Money', true],
      ['nonRefundable', 'Money', false],
      ['refundId', 'string | null', false],
    ]);
    // Arrays of inline objects get their item's rows.
    expect(named(named(m.schemas, 'Problem').properties, 'errors').properties?.map((p) => p.name)).toEqual(['pointer', 'detail']);
  });
});

describe('OpenAPI 3.1', () => {
  const m = model(fixture('petstore-openapi-3.1.yaml'));

  test('type lists with null, oneOf with links, and a recursive schema', () => {
    expect(m.label).toBe('OpenAPI 3.1.0');
    expect(m.info.summary).toBe('The pet store, in OpenAPI 3.1');
    const pet = named(m.schemas, 'Pet');
    expect(typeText(named(pet.properties, 'tag').type)).toBe('string | null');
    expect(named(pet.properties, 'kind').type).toEqual([{ text: 'Dog', target: 'schema-Dog' }, { text: ' | ' }, { text: 'Cat', target: 'schema-Cat' }]);
    expect(JSON.parse(pet.example?.value ?? '')).toEqual({ id: 7, name: 'Rex' });
    expect(named(named(m.schemas, 'Cat').properties, 'lives').type).toEqual([{ text: '9' }]);

    const tree = named(m.schemas, 'Tree');
    expect(named(tree.properties, 'children').type).toEqual([{ text: 'array of ' }, { text: 'Tree', target: 'schema-Tree' }]);
    expect(tree.example?.generated).toBe(true);
    expect(JSON.parse(tree.example?.value ?? '')).toMatchObject({ value: 'string' });
  });

  test('an inline request body gets property rows, nested one level and no deeper', () => {
    const body = operation(m, 'createPets').requestBody;
    expect(body?.required).toBe(true);
    const owner = named(body?.contents[0]?.properties ?? [], 'owner');
    expect(owner.properties?.map((p) => [p.name, typeText(p.type)])).toEqual([
      ['email', 'string (email)'],
      ['address', 'object'],
    ]);
    expect(owner.properties?.[1]?.properties).toBeUndefined();
    // An inline body without examples gets a generated one.
    expect(body?.contents[0]?.examples[0]?.generated).toBe(true);
    expect(JSON.parse(body?.contents[0]?.examples[0]?.value ?? '')).toEqual({
      name: 'string',
      tag: 'string',
      owner: { email: 'user@example.com', address: { city: 'string' } },
    });
  });

  test('named examples, external examples, response headers and the default response', () => {
    const show = operation(m, 'showPetById');
    expect(show.responses[0]?.contents[0]?.examples).toEqual([
      { name: 'fido', summary: 'A dog', value: '{\n  "id": 1,\n  "name": "Fido",\n  "tag": "dog"\n}', generated: false },
      { name: 'external', value: 'See https://example.com/pets/1.json', generated: false },
    ]);
    const list = operation(m, 'listPets');
    expect(list.responses.map((r) => r.status)).toEqual(['200', 'default']);
    expect(list.responses[0]?.headers[0]).toMatchObject({ name: 'x-next', type: [{ text: 'string' }] });
    expect(list.parameters[0]).toMatchObject({ name: 'limit', required: false, type: [{ text: 'integer (int32)' }] });
  });
});

describe('Swagger 2.0 (JSON)', () => {
  const m = model(fixture('petstore-swagger-2.0.json'));

  test('reads host, basePath and schemes as servers, definitions as schemas', () => {
    expect(m.label).toBe('Swagger 2.0');
    expect(m.servers.map((s) => s.url)).toEqual(['https://petstore.swagger.io/v2', 'http://petstore.swagger.io/v2']);
    expect(m.schemas.map((s) => s.name)).toEqual(['Category', 'Tag', 'Pet']);
    expect(typeText(named(named(m.schemas, 'Pet').properties, 'tags').type)).toBe('array of Tag');
  });

  test('a body parameter becomes the request body; formData parameters a form body', () => {
    const add = operation(m, 'addPet');
    expect(add.parameters).toEqual([]);
    expect(add.requestBody).toMatchObject({ required: true, description: 'Pet object that needs to be added to the store' });
    expect(add.requestBody?.contents[0]).toMatchObject({ mediaType: 'application/json', type: [{ text: 'Pet', target: 'schema-Pet' }] });
    expect(add.requestBody?.contents[0]?.examples).toEqual([]);
    expect(JSON.parse(named(m.schemas, 'Pet').example?.value ?? '')).toMatchObject({ name: 'doggie', photoUrls: ['string'] });

    const form = operation(m, 'updatePetWithForm');
    expect(form.parameters.map((p) => p.name)).toEqual(['petId']);
    expect(form.requestBody?.contents[0]?.mediaType).toBe('application/x-www-form-urlencoded');
    expect(form.requestBody?.contents[0]?.properties.map((p) => [p.name, p.required])).toEqual([
      ['name', false],
      ['status', true],
    ]);
  });

  test('parameter types, enums, deprecation, maps, response examples and untagged operations', () => {
    const status = operation(m, 'findPetsByStatus').parameters[0];
    expect(status).toMatchObject({ name: 'status', in: 'query', required: true, type: [{ text: 'array of string' }] });
    expect(status?.enum).toEqual(['"available"', '"pending"', '"sold"']);
    expect(operation(m, 'deletePet').deprecated).toBe(true);
    expect(typeText(operation(m, 'getInventory').responses[0]?.contents[0]?.type ?? [])).toBe('map of integer (int32)');
    expect(JSON.parse(operation(m, 'getPetById').responses[0]?.contents[0]?.examples[0]?.value ?? '')).toEqual({ id: 10, name: 'doggie', status: 'available' });
    expect(m.groups.map((g) => g.name)).toEqual(['pet', 'store', '']);
    expect(m.groups[2]?.operations[0]).toMatchObject({ id: 'op-get-health', path: '/health', method: 'get' });
  });
});

describe('broken and hostile input', () => {
  test('YAML syntax errors carry the line', () => {
    expect(failure('openapi: 3.0.0\ninfo:\n  title: x\n    version: 1\n')).toMatchObject({ error: expect.stringMatching(/^YAML syntax error/), line: 3 });
    expect(failure('{"openapi": "3.0.0", "paths": {,}}')).toMatchObject({ error: expect.stringMatching(/^YAML syntax error/), line: 1 });
  });

  test('documents that are not OpenAPI say what is missing', () => {
    expect(failure('foo: bar\n').error).toMatch(/no `openapi` field/);
    expect(failure('- a\n- b\n').error).toMatch(/not a mapping/);
    expect(failure('openapi: 4.0.0\n').error).toMatch(/`openapi: 4.0.0` is not a version/);
    expect(failure('swagger: "1.2"\n').error).toMatch(/`swagger: 1.2` is not a version/);
  });

  test('an alias bomb is refused', () => {
    const bomb = ['openapi: 3.0.0', 'a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++) bomb.push(`${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`);
    expect(failure(bomb.join('\n')).error).toMatch(/alias/);
  });

  test('nesting deeper than the parsers can take is refused before parsing', () => {
    expect(failure(`openapi: 3.0.0\nx: ${'['.repeat(10_000)}`).error).toMatch(/nests 10000 levels deep/);
    expect(failure(`openapi: 3.0.0\nx:\n${'- '.repeat(3_000)}x\n`).error).toMatch(/levels deep/);
  });

  test('$ref cycles, missing refs and external refs are shown, not followed forever', () => {
    const m = model(`
openapi: 3.0.0
info: { title: t, version: '1' }
paths:
  /a:
    parameters:
      - $ref: '#/components/parameters/P'
    get:
      responses:
        '200':
          $ref: '#/components/responses/Loop'
        '404':
          $ref: '#/components/responses/Nowhere'
        '500':
          $ref: './common.yaml#/responses/Error'
      requestBody:
        content:
          application/json:
            schema:
              type: object
              properties:
                self:
                  $ref: '#/paths/~1a/get/requestBody/content/application~1json/schema'
                other:
                  $ref: 'https://example.com/schemas.json#/Other'
                list:
                  type: array
                  items:
                    $ref: '#/paths/~1a/get/requestBody/content/application~1json/schema/properties/list'
components:
  parameters:
    P: { $ref: '#/components/parameters/Q' }
    Q: { $ref: '#/components/parameters/P' }
  responses:
    Loop: { $ref: '#/components/responses/Loop' }
`);
    const op = m.groups[0]?.operations[0];
    expect(op?.parameters).toEqual([]);
    expect(op?.responses.map((r) => [r.status, r.description])).toEqual([
      ['200', undefined],
      ['404', undefined],
      ['500', undefined],
    ]);
    const props = op?.requestBody?.contents[0]?.properties ?? [];
    expect(typeText(named(props, 'self').type)).toBe('object');
    // Spelled out one level down, then no further.
    expect(named(named(props, 'self').properties ?? [], 'self')).toMatchObject({ type: [{ text: 'object' }] });
    expect(named(named(props, 'self').properties ?? [], 'self').properties).toBeUndefined();
    expect(typeText(op?.requestBody?.contents[0]?.type ?? [])).toBe('object');
    expect(typeText(named(props, 'list').type)).toBe('array of array of (recursive)');
    expect(typeText(named(props, 'other').type)).toBe('https://example.com/schemas.json#/Other');
    expect(m.notices.join('\n')).toMatch(/External references/);
    expect(m.notices.join('\n')).toMatch(/point nowhere/);
  });

  test('keys such as __proto__ and constructor are plain names', () => {
    const m = model(`
openapi: 3.0.0
info: { title: t, version: '1' }
paths: {}
components:
  schemas:
    __proto__:
      type: object
      properties:
        constructor: { type: string }
    User:
      properties:
        p: { $ref: '#/components/schemas/__proto__' }
        q: { $ref: '#/components/schemas/toString' }
`);
    expect(m.schemas.map((s) => s.name)).toEqual(['__proto__', 'User']);
    expect(m.schemas[0]?.properties.map((p) => p.name)).toEqual(['constructor']);
    expect(m.schemas[1]?.properties.map((p) => typeText(p.type))).toEqual(['__proto__', '#/components/schemas/toString (not found)']);
  });

  test('huge documents are capped', () => {
    const paths = Array.from({ length: 1_200 }, (_, i) => `  /r${i}:\n    get:\n      responses:\n        '200': { description: ok }`).join('\n');
    const m = model(`openapi: 3.0.0\ninfo: { title: t, version: '1' }\npaths:\n${paths}\n`);
    expect(m.operationCount).toBe(1_000);
    expect(m.notices).toContain('Only the first 1000 of 1200 operations are shown.');
  });

  test('wide, deep allOf fan-outs and deep inline schemas stay bounded', () => {
    const schemas: string[] = [];
    for (let i = 0; i < 10; i++) {
      const next = Array(20)
        .fill(`{ $ref: '#/components/schemas/S${i + 1}' }`)
        .join(', ');
      schemas.push(`    S${i}:\n      allOf: [${next}]\n      properties: { p${i}: { type: string } }`);
    }
    schemas.push('    S10: { type: object, properties: { leaf: { type: string } } }');
    let deep = '{ type: string }';
    for (let i = 0; i < 60; i++) deep = `{ type: object, properties: { n: ${deep} } }`;
    schemas.push(`    Deep: ${deep}`);
    // 20 refs at each of 10 levels is 20¹⁰ paths if followed: unbounded, this would not finish inside the test's timeout.
    const m = model(`openapi: 3.0.0\ninfo: { title: t, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n${schemas.join('\n')}\n`);
    expect(named(m.schemas, 'S0').properties.length).toBeGreaterThan(0);
    expect(named(m.schemas, 'Deep').example?.value.length).toBeGreaterThan(0);
    expect(typeText(named(named(m.schemas, 'S0').properties, 'p0').type)).toBe('string');
  });
});
