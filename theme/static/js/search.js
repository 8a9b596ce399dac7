// Search results with Pagefind, loaded only by the search page (as a deferred module).
// Without JavaScript the page still offers the sitemap; nothing else depends on this file.
const form = document.querySelector(".js-search-form");
const list = document.querySelector(".js-search-results");
const status = document.querySelector(".js-search-status");

// The spelling of the search index (plugins/kit_search/folding.py): Persian yeh and kaf;
// no tatweel, short vowels or zero-width non-joiner; ASCII digits for Persian and Arabic-Indic ones.
const FOLDS = [[/[\u064A\u0649]/g, "\u06CC"], [/\u0643/g, "\u06A9"], [/[\u0640\u064B-\u065F\u0670\u200C]/g, ""]];

export function fold(text) {
  const letters = FOLDS.reduce((folded, [pattern, letter]) => folded.replace(pattern, letter), text);
  return letters.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => String(digit.charCodeAt(0) % 16));
}

function resultItem(data) {
  const item = document.createElement("li");
  item.className = "kit-results__item";
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  const excerpt = document.createElement("p");
  excerpt.textContent = data.excerpt.replace(/<[^>]+>/g, "");
  item.append(link, excerpt);
  return item;
}

// "1 result", "5 results": the template gives one form per plural category of the page's language.
function foundText(count) {
  const lang = document.documentElement.lang;
  const category = new Intl.PluralRules(lang).select(count);
  const forms = { one: status.dataset.foundOne, other: status.dataset.foundOther };
  return (forms[category] || forms.other).replace("%(num)s", new Intl.NumberFormat(lang).format(count));
}

async function showResults(query) {
  const pagefind = await import(form.dataset.pagefind);
  // Each language's bundle sits in its own folder; its result addresses start at the site root.
  await pagefind.options({ baseUrl: form.dataset.base });
  const search = await pagefind.search(fold(query));
  const found = await Promise.all(search.results.slice(0, 20).map((result) => result.data()));
  list.replaceChildren(...found.map(resultItem));
  status.textContent = found.length ? foundText(found.length) : status.dataset.none;
}

const query = new URLSearchParams(window.location.search).get("q");
if (form && query) {
  form.elements.q.value = query;
  showResults(query).catch(() => { status.textContent = status.dataset.failed; });
}
