"""The few lines of browser JavaScript the chat needs (no document text ever goes in here)."""

from __future__ import annotations

#: Page script: a click on an answer's [n] marker opens and flashes the matching source card;
#: Escape closes the document viewer.
PAGE_JS = """
() => {
  const flash = (el) => {
    el.classList.remove('flash');
    void el.offsetWidth;
    el.classList.add('flash');
  };
  document.addEventListener('click', (ev) => {
    const link = ev.target && ev.target.closest ? ev.target.closest('a.cite') : null;
    if (!link) return;
    ev.preventDefault();
    ev.stopPropagation();
    const card = document.getElementById((link.getAttribute('href') || '').slice(1));
    if (!card) return;
    const turn = card.closest('details');
    if (turn) turn.open = true;
    card.scrollIntoView({behavior: 'smooth', block: 'start'});
    flash(card);
  }, true);
  document.addEventListener('keydown', (ev) => {
    const close = document.querySelector('#doc-close');
    if (ev.key === 'Escape' && close && close.offsetParent) close.click();
  });
}
"""

#: Sources panel: "view in document" buttons send (doc, chunk) to the server.
SOURCES_JS = """
element.addEventListener('click', (ev) => {
  const btn = ev.target.closest('button.view-doc');
  if (btn) trigger('click', {doc: btn.dataset.doc || '', chunk: btn.dataset.chunk || ''});
});
"""

#: Document viewer: bring the highlighted passage into view whenever a document is shown.
DOCUMENT_JS = """
const show = () => setTimeout(() => {
  const mark = element.querySelector('mark.passage');
  if (mark) mark.scrollIntoView({block: 'center'});
}, 60);
watch('value', show);
show();
"""

#: "Copy answer": copies the newest answer and its sources as plain text.
COPY_JS = """
() => {
  const src = document.querySelector('#sources .copy-src');
  const btn = document.querySelector('#copy-btn');
  if (!src) return;
  const text = src.textContent;
  const done = () => {
    if (!btn) return;
    btn.classList.add('copied');
    setTimeout(() => btn.classList.remove('copied'), 1500);
  };
  const fallback = () => {
    const area = document.createElement('textarea');
    area.value = text;
    document.body.appendChild(area);
    area.select();
    document.execCommand('copy');
    area.remove();
    done();
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done, fallback);
  } else {
    fallback();
  }
}
"""
