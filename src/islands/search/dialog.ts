/**
 * The search dialog of every page, imported by the header's script
 * (src/layouts/Base.astro) the first time the reader asks for search. One
 * `<dialog>` per page, made on first use and reused: a modal dialog keeps
 * focus inside, and closing it (Escape, the close button, a click outside)
 * returns focus to where it was.
 */
import './search-box.ts';
import type { SearchBox } from './search-box.ts';
import { loadSearchStyles } from './styles.ts';

export interface OpenOptions {
  /** What was already typed in the header field. */
  text: string;
  /** Canonical ref of the entity whose docs the page belongs to: the dialog starts scoped to them. */
  scopeRef: string | undefined;
  /** How the scope reads: "Booking Service docs". */
  scopeLabel: string | undefined;
  portalTitle: string;
  /** Called after the dialog closed and focus went back. */
  onClosed: () => void;
}

let dialog: HTMLDialogElement | undefined;
let box: SearchBox | undefined;
let returnTo: HTMLElement | undefined;
let onClosed: (() => void) | undefined;

function create(options: OpenOptions): HTMLDialogElement {
  const node = document.createElement('dialog');
  node.className = 'search-dialog';
  node.setAttribute('aria-label', 'Search');
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'search-close';
  close.textContent = 'Close';
  close.addEventListener('click', () => node.close());

  const element = document.createElement('frontdoor-search') as SearchBox;
  element.setAttribute('mode', 'dialog');
  element.setAttribute('portal-title', options.portalTitle);
  if (options.scopeRef) element.setAttribute('scope-ref', options.scopeRef);
  if (options.scopeLabel) element.setAttribute('scope-label', options.scopeLabel);
  node.append(close, element);

  node.addEventListener('keydown', (event) => {
    // Chromium's search input would first clear its text on Escape; here Escape closes, at once.
    if (event.key === 'Escape') {
      event.preventDefault();
      node.close();
    }
  });
  // A click on the backdrop lands on the dialog element itself, outside its content box.
  node.addEventListener('click', (event) => {
    if (event.target !== node) return;
    const box = node.getBoundingClientRect();
    const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) node.close();
  });
  node.addEventListener('close', () => {
    const target = returnTo;
    returnTo = undefined;
    if (target?.isConnected) target.focus();
    onClosed?.();
  });
  document.body.append(node);
  box = element;
  return node;
}

export async function openSearchDialog(options: OpenOptions): Promise<void> {
  // Shown once styled: an unstyled dialog would flash for a frame on first use.
  await loadSearchStyles();
  dialog ??= create(options);
  onClosed = options.onClosed;
  if (dialog.open) return box?.focusInput();
  returnTo = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : undefined;
  dialog.showModal();
  box?.focusInput(options.text || undefined);
}
