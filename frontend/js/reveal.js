// Fetches the drafts (the server refuses before the blind commit) and renders them as "Draft A/B"
// beside the blind answer, with a word diff and a 1–5 rating per draft.

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

function ratingNode(slot) {
  const box = document.createElement('fieldset');
  box.className = 'rating';
  const legend = document.createElement('legend');
  legend.textContent = `Rate draft ${slot} (optional)`;
  box.appendChild(legend);
  for (let value = 1; value <= 5; value++) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = `rate-${slot}`;
    input.value = String(value);
    label.append(input, ` ${value}`);
    box.appendChild(label);
  }
  return box;
}

export function renderDrafts(container, drafts, blindAnswer) {
  container.replaceChildren();
  for (const draft of drafts) {
    const card = document.createElement('article');
    card.className = 'draft';
    card.id = `draft-${draft.slot}`;
    const title = document.createElement('h3');
    title.textContent = `Draft ${draft.slot}`;
    card.append(title, diffNode(blindAnswer, draft.text), ratingNode(draft.slot));
    container.appendChild(card);
  }
  if (drafts.length === 0) {
    container.textContent = 'This item has no drafts.';
  }
}

export function collectRatings(container) {
  const ratings = {};
  for (const input of container.querySelectorAll('input[type=radio]:checked')) {
    ratings[input.name.replace('rate-', '')] = Number(input.value);
  }
  return ratings;
}
