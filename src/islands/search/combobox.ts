/**
 * The active option of a combobox (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/):
 * focus stays in the input, which names the active option with
 * aria-activedescendant; the option says so with aria-selected.
 */

/** The option index after an arrow key: from none, Down starts at the top and Up at the bottom; both wrap. */
export function nextIndex(index: number, step: 1 | -1, length: number): number {
  if (length === 0) return -1;
  if (index < 0) return step === 1 ? 0 : length - 1;
  return (index + step + length) % length;
}

export class ActiveOption {
  private readonly input: HTMLInputElement;
  private readonly list: HTMLElement;

  constructor(input: HTMLInputElement, list: HTMLElement) {
    this.input = input;
    this.list = list;
  }

  options(): HTMLElement[] {
    return [...this.list.querySelectorAll<HTMLElement>('[role="option"]')];
  }

  current(): HTMLElement | undefined {
    const id = this.input.getAttribute('aria-activedescendant');
    return id ? (document.getElementById(id) ?? undefined) : undefined;
  }

  set(option: HTMLElement | undefined): void {
    this.current()?.setAttribute('aria-selected', 'false');
    if (!option) {
      this.input.removeAttribute('aria-activedescendant');
      return;
    }
    option.setAttribute('aria-selected', 'true');
    this.input.setAttribute('aria-activedescendant', option.id);
    option.scrollIntoView({ block: 'nearest' });
  }

  /** Moves by one option; false when there is none to move to. */
  move(step: 1 | -1): boolean {
    const options = this.options();
    const current = this.current();
    const next = options[nextIndex(current ? options.indexOf(current) : -1, step, options.length)];
    if (!next) return false;
    this.set(next);
    return true;
  }
}
