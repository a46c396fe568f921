/**
 * DOM of the results and chips, built with text nodes only: titles, owners
 * and excerpts come from repo content, so none of it passes through innerHTML.
 *
 * Each result is an `<a role="option">` inside an `<li role="none">`: an
 * option's content is presentational, so a link *inside* an option is a
 * nested interactive control (axe `nested-interactive`, serious); a link that
 * *is* the option keeps middle-click, "copy link" and opening in a new tab.
 */
import type { ChipView } from './run-search.ts';
import type { ExcerptPart, GotoView, ResultView } from './results.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function option(id: string, url: string, className: string): HTMLAnchorElement {
  const a = el('a', className);
  a.id = id;
  a.href = url;
  a.setAttribute('role', 'option');
  a.setAttribute('aria-selected', 'false');
  // Options are reached with the arrow keys from the input (aria-activedescendant), not with Tab.
  a.tabIndex = -1;
  return a;
}

function excerpt(parts: readonly ExcerptPart[]): HTMLSpanElement {
  const span = el('span', 'search-excerpt');
  for (const part of parts) span.append(part.mark ? el('mark', undefined, part.text) : document.createTextNode(part.text));
  return span;
}

function head(title: string, label: string | undefined, owner: string | undefined): HTMLSpanElement {
  const line = el('span', 'search-result-head');
  line.append(el('span', 'search-result-title', title));
  if (label) line.append(el('span', 'kind-tag search-result-kind', label));
  if (owner) {
    const ownerText = el('span', 'search-result-owner');
    ownerText.append(el('span', 'visually-hidden', 'owned by '), owner);
    line.append(ownerText);
  }
  return line;
}

export function gotoItem(id: string, goto: GotoView): HTMLLIElement {
  const li = el('li');
  li.setAttribute('role', 'none');
  const a = option(id, goto.url, 'search-result search-goto');
  a.append(head(`Go to ${goto.title}`, goto.kind, goto.owner));
  li.append(a);
  return li;
}

export function resultItem(id: string, view: ResultView): HTMLLIElement {
  const li = el('li');
  li.setAttribute('role', 'none');
  const a = option(id, view.url, 'search-result');
  a.append(head(view.title, view.label, view.owner));
  if (view.excerpt.length > 0) a.append(excerpt(view.excerpt));
  li.append(a);
  if (view.subResults.length > 0) {
    const group = el('ul', 'search-subresults');
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', `Sections of ${view.title}`);
    view.subResults.forEach((sub, index) => {
      const item = el('li');
      item.setAttribute('role', 'none');
      const subOption = option(`${id}-${index}`, sub.url, 'search-subresult');
      subOption.textContent = sub.title;
      item.append(subOption);
      group.append(item);
    });
    li.append(group);
  }
  return li;
}

export function chipButton(chip: ChipView): HTMLButtonElement {
  const button = el('button', 'search-chip');
  button.type = 'button';
  button.dataset.filter = chip.key;
  button.dataset.value = chip.value;
  button.setAttribute('aria-pressed', String(chip.pressed));
  const label = chip.key === 'kind' || chip.key === 'section' ? chip.value : `${chip.key}: ${chip.value}`;
  button.append(`${label} `, el('span', 'count', String(chip.count)), el('span', 'visually-hidden', chip.count === 1 ? ' result' : ' results'));
  if (chip.fromText) {
    // The query text sets it; the text turns it off.
    button.disabled = true;
    button.title = `Set by ${chip.key}: in the search text`;
  }
  return button;
}
