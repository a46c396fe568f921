/**
 * The changelog (src/changelog) as the /changelog/ page, its feed and changelog.json read it,
 * loaded once. Portal data without one (built before the changelog existed) reads as a first build.
 */
import { getEntry } from 'astro:content';
import type { Changelog } from '../changelog/index.ts';
import { meta } from './data.ts';

const entry = await getEntry('changelog', 'current');

export const changelog: Changelog = entry?.data ?? { version: 1, generatedAt: meta.generatedAt, notes: [], entries: [] };
