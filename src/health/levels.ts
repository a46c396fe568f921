/**
 * Levels: a medal per score, so a list of entities can be read at a glance.
 * Gold means nothing is left to fix; silver and bronze are steps on the way;
 * below bronze means the basics (owner, description, docs…) are mostly
 * missing. The health page prints this table, so it is the one definition.
 */
import type { Level } from '../entity-record/scorecard.ts';

export interface LevelDefinition {
  level: Level;
  label: string;
  /** Lowest score (percent) with this level. */
  minScore: number;
  /** What the level means, for the health page's legend. */
  meaning: string;
}

/** Best first; the first whose `minScore` a score reaches is its level. */
export const LEVELS: readonly LevelDefinition[] = [
  { level: 'gold', label: 'Gold', minScore: 100, meaning: 'Every applicable check passes.' },
  { level: 'silver', label: 'Silver', minScore: 80, meaning: 'At least 80% pass: one or two things left to fix.' },
  { level: 'bronze', label: 'Bronze', minScore: 60, meaning: 'At least 60% pass.' },
  { level: 'below-bronze', label: 'Below bronze', minScore: 0, meaning: 'Fewer than 60% pass: start with the failing checks on its page.' },
];

export function levelOf(score: number): Level {
  return (LEVELS.find((l) => score >= l.minScore) ?? LEVELS[LEVELS.length - 1]!).level;
}

export function levelLabel(level: Level): string {
  return LEVELS.find((l) => l.level === level)?.label ?? level;
}
