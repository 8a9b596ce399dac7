// Search results with Pagefind, loaded only by the search page (as a deferred module).
// Without JavaScript the page still offers the sitemap; nothing else depends on this file.
const form = document.querySelector(".js-search-form");
const list = document.querySelector(".js-search-results");
const status = document.querySelector(".js-search-status");

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

async function showResults(query) {
  const pagefind = await import(form.dataset.pagefind);
  // Each language's bundle sits in its own folder; its result addresses start at the site root.
  await pagefind.options({ baseUrl: form.dataset.base });
  const search = await pagefind.search(query);
  const found = await Promise.all(search.results.slice(0, 20).map((result) => result.data()));
  list.replaceChildren(...found.map(resultItem));
  const count = new Intl.NumberFormat(document.documentElement.lang).format(found.length);
  status.textContent = found.length ? status.dataset.found.replace("%(count)s", count) : status.dataset.none;
}

const query = new URLSearchParams(window.location.search).get("q");
if (form && query) {
  form.elements.q.value = query;
  showResults(query).catch(() => { status.textContent = status.dataset.failed; });
}
