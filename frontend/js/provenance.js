// Captures what the server cannot see — first input, pastes, focus changes, keystroke counts — and
// sends it in batches to /api/assignments/{id}/events. The server stores these as client claims
// next to its own time. flush() is awaited before a commit so the log holds them before it; flushes
// run one at a time, so that wait covers a batch the timer had already sent. Once the assignment is
// finished (the server answers 409), the recorder stops: onRefused(error) tells the page, and
// stop() is called by the page itself after the final decision or a skip.

import { api } from './api.js';

const BATCH = 200;
const INTERVAL_MS = 5000;

export function startRecorder(assignmentId, { onRefused = () => {} } = {}) {
  const url = `/api/assignments/${assignmentId}/events`;
  const queue = [];
  const firstInputSeen = new Set();
  let keystrokes = 0;
  let stopped = false;
  let sending = Promise.resolve();

  const push = (type, data = {}) => {
    if (!stopped) queue.push({ type, clientTime: new Date().toISOString(), data });
  };
  const isField = (el) => el && el.matches && el.matches('textarea, input, select');

  function drain() {
    if (keystrokes > 0) {
      push('KEYSTROKES', { count: keystrokes });
      keystrokes = 0;
    }
    return queue.splice(0, BATCH);
  }

  async function send() {
    let batch = drain();
    while (batch.length > 0) {
      try {
        await api('POST', url, batch);
      } catch (e) {
        if (e.status === 409) {
          stop();
          onRefused(e);
        } else {
          queue.unshift(...batch);
        }
        throw e;
      }
      batch = drain();
    }
  }

  function flush() {
    const done = sending.then(send, send);
    sending = done.catch(() => {});
    return done;
  }

  function stop() {
    stopped = true;
    queue.length = 0;
    keystrokes = 0;
    clearInterval(timer);
  }

  function flushOnExit() {
    if (stopped) return;
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
    if (!stopped && isField(e.target) && !e.ctrlKey && !e.metaKey) keystrokes += 1;
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
  const timer = setInterval(() => flush().catch(() => {}), INTERVAL_MS);

  return { flush, stop };
}

/** For a page whose assignment is already finished: nothing is recorded. */
export const noRecorder = { flush: async () => {}, stop: () => {} };
