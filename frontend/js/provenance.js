// Captures what the server cannot see — first input, pastes, focus changes, keystroke counts — and
// sends it in batches to /api/assignments/{id}/events. The server stores these as client claims
// next to its own time. flush() is awaited before a commit so the log holds them before it.

import { api } from './api.js';

const BATCH = 200;
const INTERVAL_MS = 5000;

export function startRecorder(assignmentId) {
  const url = `/api/assignments/${assignmentId}/events`;
  const queue = [];
  const firstInputSeen = new Set();
  let keystrokes = 0;

  const push = (type, data = {}) => queue.push({ type, clientTime: new Date().toISOString(), data });
  const isField = (el) => el && el.matches && el.matches('textarea, input, select');

  function drain() {
    if (keystrokes > 0) {
      push('KEYSTROKES', { count: keystrokes });
      keystrokes = 0;
    }
    return queue.splice(0, BATCH);
  }

  async function flush() {
    let batch = drain();
    while (batch.length > 0) {
      try {
        await api('POST', url, batch);
      } catch (e) {
        queue.unshift(...batch);
        throw e;
      }
      batch = drain();
    }
  }

  function flushOnExit() {
    const batch = drain();
    if (batch.length === 0) return;
    const body = JSON.stringify(batch);
    let sent = false;
    try {
      sent = navigator.sendBeacon(url, new Blob([body], { type: 'application/json' }));
    } catch (e) {
      sent = false;
    }
    if (!sent) {
      fetch(url, { method: 'POST', keepalive: true, credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' }, body }).catch(() => {});
    }
  }

  document.addEventListener('input', (e) => {
    if (!isField(e.target)) return;
    const field = e.target.id || e.target.name || 'field';
    if (!firstInputSeen.has(field)) {
      firstInputSeen.add(field);
      push('FIRST_INPUT', { field });
    }
  });
  document.addEventListener('keydown', (e) => {
    if (isField(e.target) && !e.ctrlKey && !e.metaKey) keystrokes += 1;
  });
  document.addEventListener('paste', (e) => {
    if (!isField(e.target)) return;
    const text = e.clipboardData ? e.clipboardData.getData('text') : '';
    push('PASTE', { chars: text.length, field: e.target.id || e.target.name || 'field' });
  });
  window.addEventListener('blur', () => push('FOCUS_LOST'));
  window.addEventListener('focus', () => push('FOCUS_RETURNED'));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') {
      push('VISIBILITY_HIDDEN');
      flushOnExit();
    }
  });
  window.addEventListener('pagehide', flushOnExit);
  setInterval(() => flush().catch(() => {}), INTERVAL_MS);

  return { flush };
}
