// The search page's Pagefind, published as assets/javascripts/search/pagefind.js.
//
// PagefindUI loads `${bundlePath}pagefind.js`: this module is Pagefind's own API
// (everything re-exported) with search() and options() on top, because the timeline's
// index keeps one Han character a word, folded to Simplified (generator/search_text.py):
//
// - search(term): the query, already folded by the page's processTerm
//   (window.timelineFold), is spaced the same way as the index, and pages that hold
//   each of its words as written come first, before pages that hold its characters
//   apart (both groups in Pagefind's own order);
// - each result's data(): title and snippet lose the spaces between Han characters,
//   and a page written in Traditional characters shows its snippet as written.
//
// window.timelineFold, timelineSpace and timelineUnspace come from
// assets/javascripts/timeline-fold.js, which the page loads first.
import * as pagefind from "../../../pagefind/pagefind.js";

export * from "../../../pagefind/pagefind.js";

const ORIGINAL = "original"; // search_text.ORIGINAL_META: the page's text as written
const SIGNIFICANT = /[\p{L}\p{N}]/u;

// The page's own text is there to show snippets, not to rank: its characters never
// count (a query, folded, can only meet the ones that fold to themselves anyway).
export async function options(opts = {}) {
  const ranking = opts.ranking || {};
  const metaWeights = { ...(ranking.metaWeights || {}), [ORIGINAL]: 0 };
  return pagefind.options({ ...opts, ranking: { ...ranking, metaWeights } });
}

// The query's words: each run of text between spaces that holds two characters or more.
function phrases(term) {
  return term
    .split(/\s+/)
    .filter((part) => Array.from(part).filter((c) => SIGNIFICANT.test(c)).length > 1);
}

export async function search(term, opts = {}) {
  // A filter-only search (no term) is Pagefind's as it is, but its results still read.
  const typed = typeof term === "string";
  const found = await pagefind.search(typed ? window.timelineSpace(term) : term, opts);
  if (!found) return found;
  const results = found.results.map((r) => ({ ...r, data: async () => readable(await r.data()) }));
  const whole = typed ? await holdingEveryWord(term, opts) : null;
  if (whole) {
    const first = results.filter((r) => whole.has(r.id));
    results.splice(0, results.length, ...first, ...results.filter((r) => !whole.has(r.id)));
  }
  return { ...found, results };
}

// The pages holding each of the query's words as written (Pagefind's quoted search),
// or null for a query of single characters.
async function holdingEveryWord(term, opts) {
  let pages = null;
  for (const word of phrases(term)) {
    const exact = await pagefind.search(`"${window.timelineSpace(word)}"`, opts);
    const ids = new Set((exact ? exact.results : []).map((r) => r.id));
    pages = pages ? new Set([...pages].filter((id) => ids.has(id))) : ids;
  }
  return pages;
}

// A snippet as characters, each remembering whether Pagefind marked it.
function characters(excerpt) {
  const out = [];
  let marked = false;
  for (const part of excerpt.split(/(<\/?mark>)/)) {
    if (part === "<mark>") marked = true;
    else if (part === "</mark>") marked = false;
    else for (const c of part) out.push({ c, marked });
  }
  return out;
}

function html(chars) {
  let out = "";
  let open = false;
  for (const { c, marked } of chars) {
    if (marked !== open) out += marked ? "<mark>" : "</mark>";
    open = marked;
    out += c;
  }
  return open ? out + "</mark>" : out;
}

function unspaced(chars) {
  const text = window.timelineUnspace(chars.map((x) => x.c).join(""));
  // timelineUnspace only drops spaces: walk both and keep the characters it kept.
  const kept = [];
  let i = 0;
  for (const c of text) {
    while (chars[i].c !== c) i++;
    kept.push(chars[i++]);
  }
  return kept;
}

// The snippet in the page's own script: find its letters and digits, folded, in the
// page's text folded, and take the same stretch of the text as written.
function asWritten(chars, original) {
  const written = Array.from(window.timelineUnspace(original));
  const key = (c) => (SIGNIFICANT.test(c) ? window.timelineFold(c) : "");
  const at = [];
  let folded = "";
  written.forEach((c, i) => {
    const k = key(c);
    if (k) {
      at.push(i);
      folded += k;
    }
  });
  const wanted = chars.filter((x) => SIGNIFICANT.test(x.c));
  const start = folded.indexOf(wanted.map((x) => x.c).join(""));
  if (!wanted.length || start < 0) return chars;
  const position = Array.from(folded.slice(0, start)).length;
  const first = at[position];
  const last = at[position + wanted.length - 1];
  const marks = new Set(wanted.flatMap((x, n) => (x.marked ? [at[position + n]] : [])));
  const end = at[position + wanted.length] ?? written.length;
  return written.slice(first, Math.max(last + 1, end)).map((c, n) => ({
    c,
    marked: marks.has(first + n),
  }));
}

function readable(data) {
  const meta = { ...data.meta };
  const original = meta[ORIGINAL];
  delete meta[ORIGINAL];
  const snippet = (excerpt) => {
    const chars = unspaced(characters(excerpt || ""));
    return html(original ? asWritten(chars, original) : chars);
  };
  const title = meta.title || "";
  if (title) {
    const words = title.split(" ").length;
    const shown = original ? original.split(" ").slice(0, words).join(" ") : title;
    meta.title = window.timelineUnspace(shown);
  }
  return {
    ...data,
    meta,
    excerpt: snippet(data.excerpt),
    sub_results: (data.sub_results || []).map((s) => ({
      ...s,
      title: meta.title,
      excerpt: snippet(s.excerpt),
    })),
  };
}
