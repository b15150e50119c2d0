// Search as you type on /soeg (issue 12): a small script, not the app — the page itself ships no
// React. Without it the field is a plain search form. With it, the field becomes an ARIA 1.2
// combobox: suggestions from GET /api/search (debounced, the previous request aborted), arrow keys
// move through them, Enter opens one (or submits the form), Escape closes, and a polite live region
// tells screen readers how many suggestions there are.
(() => {
  const form = document.querySelector('form[data-search-as-you-type]');
  const input = form?.querySelector('input[name="q"]');
  const status = form?.querySelector('[data-search-status]');
  if (!form || !input || !status || !window.fetch || !window.AbortController) return;

  const labels = JSON.parse(form.dataset.typeLabels || '{}');
  const listbox = document.createElement('ul');
  listbox.id = 'search-suggestions';
  listbox.className = 'search-suggestions';
  listbox.setAttribute('role', 'listbox');
  listbox.setAttribute('aria-label', form.dataset.suggestionsLabel || '');
  listbox.hidden = true;
  input.closest('.site-search__field')?.after(listbox);

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listbox.id);
  input.setAttribute('autocomplete', 'off');

  let options = [];
  let active = -1;
  let timer;
  let controller;
  let lastQuery = input.value.trim();

  const announce = (count) => {
    const text =
      count === 0
        ? form.dataset.announceNone
        : count === 1
          ? form.dataset.announceOne
          : (form.dataset.announceMany || '').replace('{count}', String(count));
    status.textContent = text || '';
  };

  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const highlight = (index) => {
    for (const [i, option] of options.entries())
      option.setAttribute('aria-selected', i === index ? 'true' : 'false');
    active = index;
    if (index >= 0 && options[index]) {
      input.setAttribute('aria-activedescendant', options[index].id);
      options[index].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };

  const render = (hits) => {
    listbox.replaceChildren();
    options = hits.slice(0, 8).map((hit, i) => {
      const option = document.createElement('li');
      option.id = `search-suggestion-${i}`;
      option.className = 'search-suggestions__option';
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.dataset.url = hit.url;
      const title = document.createElement('span');
      title.className = 'search-suggestions__title';
      title.textContent = hit.title;
      const type = document.createElement('span');
      type.className = 'search-suggestions__type';
      type.textContent = labels[hit.type] || hit.type;
      option.append(title, ' ', type);
      option.addEventListener('mousedown', (event) => event.preventDefault());
      option.addEventListener('click', () => window.location.assign(hit.url));
      listbox.append(option);
      return option;
    });
    active = -1;
    listbox.hidden = options.length === 0;
    input.setAttribute('aria-expanded', options.length > 0 ? 'true' : 'false');
    announce(options.length);
  };

  const suggest = async (q) => {
    controller?.abort();
    controller = new AbortController();
    try {
      const response = await fetch(`/api/search?${new URLSearchParams({ q })}`, {
        signal: controller.signal,
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!response.ok) return close();
      const body = await response.json();
      if (input.value.trim() === q) render(body.hits || []);
    } catch (error) {
      if (error && error.name !== 'AbortError') close();
    }
  };

  input.addEventListener('input', () => {
    const q = input.value.trim();
    clearTimeout(timer);
    if (q === lastQuery) return;
    lastQuery = q;
    if (q.length < 2) {
      controller?.abort();
      close();
      status.textContent = '';
      return;
    }
    timer = setTimeout(() => suggest(q), 250);
  });

  input.addEventListener('keydown', (event) => {
    const open = !listbox.hidden && options.length > 0;
    if (event.key === 'ArrowDown' && options.length > 0) {
      event.preventDefault();
      if (listbox.hidden) {
        listbox.hidden = false;
        input.setAttribute('aria-expanded', 'true');
      }
      highlight(active + 1 >= options.length ? 0 : active + 1);
    } else if (event.key === 'ArrowUp' && open) {
      event.preventDefault();
      highlight(active <= 0 ? options.length - 1 : active - 1);
    } else if (event.key === 'Enter' && open && active >= 0) {
      event.preventDefault();
      window.location.assign(options[active].dataset.url);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
    }
  });

  input.addEventListener('blur', () => setTimeout(close, 150));
})();
