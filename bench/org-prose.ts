/** Short, varied, plausible text built from word lists, for READMEs and docs pages. */
import type { Random } from './prng.ts';
import { adjectives, concerns, objects, places, verbs } from './org-words.ts';

const templates: ((r: Random, subject: string) => string)[] = [
  (r, s) => `${cap(s)} ${r.pick(verbs)} ${r.pick(adjectives)} ${r.pick(objects)} and keeps them in ${r.pick(places)}.`,
  (r, s) => `Every change to ${r.pick(objects)} goes through ${s} first, so ${r.pick(concerns)} stays predictable.`,
  (r) => `Watch ${r.pick(concerns)} when ${r.pick(objects)} arrive faster than ${r.pick(places)} can absorb them.`,
  (r, s) => `${cap(s)} ${r.pick(verbs)} ${r.pick(objects)} in ${r.pick(adjectives)} batches of ${r.int(2, 50) * 10}.`,
  (r) => `Writes are ${r.pick(adjectives)}; a retry after a timeout never creates a second copy of the ${r.pick(objects).replace(/s$/, '')}.`,
  (r) => {
    const [give, get] = r.sample(concerns, 2);
    return `The ${r.pick(adjectives)} path trades ${give} for ${get}, which is the right call for most callers.`;
  },
  (r, s) => `Before ${s} ${r.pick(verbs)} anything, it checks ${r.pick(places)} for ${r.pick(adjectives)} ${r.pick(objects)}.`,
  (r) => `Alerts fire when p99 latency stays above ${r.int(2, 20) * 50} ms for ${r.int(2, 15)} minutes.`,
];

export function sentence(random: Random, subject: string): string {
  return random.pick(templates)(random, subject);
}

export function paragraph(random: Random, subject: string, min = 2, max = 4): string {
  return Array.from({ length: random.int(min, max) }, () => sentence(random, subject)).join(' ');
}

export function bullets(random: Random, subject: string, count: number): string {
  return Array.from({ length: count }, () => `- ${sentence(random, subject)}`).join('\n');
}

export function admonition(random: Random, subject: string): string {
  const kind = random.pick(['note', 'tip', 'warning', 'info'] as const);
  return `!!! ${kind}\n    ${sentence(random, subject)}\n    ${sentence(random, subject)}`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
