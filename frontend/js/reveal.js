// Fetches the drafts (the server refuses before the blind commit) and renders them beside the blind
// answer: as "Draft A/B" with a word diff and a 1–5 rating (optional, or required on DRAFT_RATING
// items), or, on PAIRWISE items, as plain anonymous "Response A/B" to compare.

import { api } from './api.js';
import { wordDiff } from './diff.js';

export function fetchDrafts(assignmentId) {
  return api('GET', `/api/assignments/${assignmentId}/drafts`);
}

function diffNode(blind, draft) {
  const box = document.createElement('div');
  box.className = 'draft-text';
  for (const part of wordDiff(blind, draft)) {
    const tag = part.op === 'same' ? 'span' : part.op;
    const el = document.createElement(tag);
    el.textContent = part.text;
    box.appendChild(el);
  }
  return box;
}

// The draft as the server rendered it: Markdown (or a chat) as HTML, raw HTML in the text escaped (web.RichText).
function plainNode(draft) {
  const box = document.createElement('div');
  box.className = 'draft-text rich';
  box.innerHTML = draft.html;
  return box;
}

/** A draft as written, and (hidden until asked for) its word diff against the blind answer. */
function draftNodes(blind, draft) {
  const plain = plainNode(draft);
  plain.classList.add('draft-plain');
  const diff = diffNode(blind, draft.text);
  diff.classList.add('draft-diff');
  diff.hidden = true;
  return [plain, diff];
}

/** Shows each draft's diff instead of its text, or back; returns whether the diffs are now shown. */
export function toggleDiff(container) {
  const showDiff = Array.from(container.querySelectorAll('.draft-diff')).some((d) => d.hidden);
  for (const d of container.querySelectorAll('.draft-diff')) d.hidden = !showDiff;
  for (const p of container.querySelectorAll('.draft-plain')) p.hidden = showDiff;
  return showDiff;
}

function ratingNode(slot, required) {
  const box = document.createElement('fieldset');
  box.className = required ? 'rating required' : 'rating';
  const legend = document.createElement('legend');
  legend.textContent = `Rate draft ${slot} ${required ? '(required)' : '(optional)'}`;
  box.appendChild(legend);
  for (let value = 1; value <= 5; value++) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = `rate-${slot}`;
    input.value = String(value);
    input.required = required;
    label.append(input, ` ${value}`);
    box.appendChild(label);
  }
  return box;
}

/**
 * Renders the drafts. `mode` is 'review' (as written, the diff one key away; optional rating), 'rate' (the same,
 * rating required) or 'compare' (plain "Response A/B", no rating, no diff).
 */
export function renderDrafts(container, drafts, blindAnswer, mode = 'review') {
  container.replaceChildren();
  for (const draft of drafts) {
    const card = document.createElement('article');
    card.className = 'draft';
    card.id = `draft-${draft.slot}`;
    const title = document.createElement('h3');
    if (mode === 'compare') {
      title.textContent = `Response ${draft.slot}`;
      card.append(title, plainNode(draft));
    } else {
      title.textContent = `Draft ${draft.slot}`;
      card.append(title, ...draftNodes(blindAnswer, draft), ratingNode(draft.slot, mode === 'rate'));
    }
    container.appendChild(card);
  }
  if (drafts.length === 0) {
    container.textContent = 'This item has no drafts.';
  }
}

/**
 * The project's label set on a CATEGORICAL item page (the hidden #label-set list), else null: any draft may
 * then be accepted.
 */
export function labelSet() {
  const list = document.getElementById('label-set');
  return list ? Array.from(list.querySelectorAll('li'), (li) => li.textContent) : null;
}

/**
 * The slots whose draft may be accepted: on a CATEGORICAL item only drafts whose text is exactly one of the
 * labels (the server refuses the others, as it refuses such a blind answer); otherwise every slot.
 */
export function acceptableSlots(drafts, labels) {
  return drafts.filter((d) => !labels || labels.includes(d.text)).map((d) => d.slot);
}

export function collectRatings(container) {
  const ratings = {};
  for (const input of container.querySelectorAll('input[type=radio]:checked')) {
    ratings[input.name.replace('rate-', '')] = Number(input.value);
  }
  return ratings;
}

/** Checks rating `value` on the first draft not rated yet; false when every draft is rated. */
export function rateNextUnrated(container, value) {
  for (const group of container.querySelectorAll('.rating')) {
    if (!group.querySelector('input:checked')) {
      const input = group.querySelector(`input[value="${value}"]`);
      input.checked = true;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return true;
    }
  }
  return false;
}
