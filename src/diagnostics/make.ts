import type { Diagnostic } from './diagnostic.ts';
import { rules, type RuleId } from './rules.ts';

export interface Place {
  repo: string;
  path: string;
  line: number;
  column: number;
}

/** A diagnostic for `rule` at `place`; severity comes from the rule registry. */
export function makeDiagnostic(rule: RuleId, place: Place, message: string, ref?: string): Diagnostic {
  return {
    repo: place.repo,
    path: place.path,
    line: place.line,
    column: place.column,
    severity: rules[rule].severity,
    rule,
    ...(ref ? { ref } : {}),
    message,
  };
}
