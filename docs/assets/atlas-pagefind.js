/* Plan Atlas: Pagefind's module for the search page, with the filter files fetched only when a
   reader asks for filters.

   Pagefind's interface (1.5.2) calls filters() as soon as it starts, and that fetches every filter
   file of the bundle: 185 KB gzipped at 30 times the real data, more than the rest of a search.
   atlas.js maps the bundle's pagefind.js to this module (an import map), so the interface gets
   Pagefind unchanged except that filters() answers {} until loadFilters() is called (the
   "Filter results" button, or a filtered address). A search counts the filter files loaded by
   then, so once they are, the interface shows every filter group. */
const ui = document.querySelector('script[src*="pagefind-ui.js"]');
/* the same file under another address, which the import map leaves alone */
const real = await import(new URL("pagefind.js?atlas", ui.src).href);

let wanted = false;
let first = [];

export const { options, init, preload, mergeIndex, destroy, createInstance } = real;

/* the interface lists filter groups in the order of the object's keys, which Pagefind sorts by
   name: the groups given here come first (those the page opens at the start) */
export function firstFilters(names) {
  first = names;
}

function ordered(groups) {
  if (!groups) return groups;
  const out = {};
  for (const name of first) if (name in groups) out[name] = groups[name];
  return Object.assign(out, groups);
}

function withOrder(result) {
  if (result && result.filters) result.filters = ordered(result.filters);
  if (result && result.totalFilters) result.totalFilters = ordered(result.totalFilters);
  return result;
}

export async function search(term, options) {
  return withOrder(await real.search(term, options));
}

export async function debouncedSearch(term, options, timeout) {
  return withOrder(await real.debouncedSearch(term, options, timeout));
}

export async function filters() {
  return wanted ? ordered(await real.filters()) : {};
}

/* fetch every filter file; the next search counts them all */
export function loadFilters() {
  wanted = true;
  return real.filters();
}
