// Keyboard shortcuts for the item page. Ctrl/Cmd+Enter works everywhere; single keys only when
// the focus is not in a text field, so typing an answer never triggers them. A handler left out
// leaves its key free: T is "tie" only where there is a tie, and a draft slot letter otherwise.

const RESERVED = new Set(['k', 'r', 'n']);

export function bindShortcuts(handlers) {
  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      if (handlers.submit) handlers.submit();
      return;
    }
    const typing = e.target.matches && e.target.matches('textarea, input:not([type=radio]), select');
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key.toLowerCase();
    let handled = true;
    if (key === 'k' && handlers.keep) handlers.keep();
    else if (key === 'r' && handlers.revise) handlers.revise();
    else if (key === 'n' && handlers.next) handlers.next();
    else if (key === 't' && handlers.tie) handlers.tie();
    else if (key === '=' && handlers.diff) handlers.diff();
    else if (/^[1-9]$/.test(key) && handlers.label) handlers.label(Number(key));
    else if (/^[1-5]$/.test(key) && handlers.rate) handlers.rate(Number(key));
    else if (/^[a-z]$/.test(key) && !RESERVED.has(key) && handlers.accept) handlers.accept(key.toUpperCase());
    else handled = false;
    if (handled) e.preventDefault();
  });
}
