/**
 * The dialog's stylesheet, linked on first use. Imported as a URL, not as a
 * CSS module: Astro puts the CSS a page's scripts import, even through a
 * dynamic import, in every page's head, and search must not add to pages
 * that never open it.
 */
import stylesheet from '../../styles/search.css?url';

let loaded: Promise<void> | undefined;

/** Resolves once the stylesheet applies (or failed: the dialog still works unstyled). */
export function loadSearchStyles(): Promise<void> {
  loaded ??= new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = stylesheet;
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
    document.head.append(link);
  });
  return loaded;
}
