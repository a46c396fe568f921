/**
 * A page or batch size that halves when GitHub says a query was too big
 * (502/504, "Something went wrong", RESOURCE_LIMITS_EXCEEDED) and grows back
 * after a run of successes, never past where it started. GitHub does not
 * publish its resource limits, so the crawler finds them as it goes.
 */
export class AdaptiveSize {
  #current: number;
  #successes = 0;
  readonly changes: { from: number; to: number }[] = [];

  readonly initial: number;
  readonly min: number;
  /** Successes in a row before growing again. */
  readonly growAfter: number;

  constructor(initial: number, min: number, growAfter = 3) {
    this.initial = initial;
    this.min = min;
    this.growAfter = growAfter;
    this.#current = initial;
  }

  get current(): number {
    return this.#current;
  }

  /** Halve; false when already at the minimum (the caller must give up on this unit). */
  shrink(): boolean {
    this.#successes = 0;
    if (this.#current <= this.min) return false;
    this.#set(Math.max(this.min, Math.floor(this.#current / 2)));
    return true;
  }

  succeeded(): void {
    if (this.#current >= this.initial) return;
    if (++this.#successes >= this.growAfter) {
      this.#successes = 0;
      this.#set(Math.min(this.initial, this.#current * 2));
    }
  }

  #set(next: number): void {
    if (next !== this.#current) this.changes.push({ from: this.#current, to: next });
    this.#current = next;
  }
}
