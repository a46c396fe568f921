/**
 * The /search/ page's script: defining the element is all it does; the
 * `<frontdoor-search mode="page">` in the page reads its search from the URL
 * (src/pages/search/index.astro). The stylesheet is a plain import here: the
 * page needs it at once, and only this page gets it.
 */
import '../../styles/search.css';
import './search-box.ts';
