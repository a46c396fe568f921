/**
 * Fragment ids for the definition page. Each operation, channel, message and
 * type gets one, unique within its definition, made only of characters that
 * need no escaping in a URL (`op-createBooking`, `schema-Money-2`).
 */
export type IdFactory = (prefix: string, name: string) => string;

export function idFactory(): IdFactory {
  const used = new Set<string>();
  return (prefix, name) => {
    const slug =
      name
        .replace(/[^A-Za-z0-9_.-]+/g, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 80) || 'item';
    const base = `${prefix}-${slug}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
}
