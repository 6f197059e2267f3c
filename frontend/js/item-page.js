// The item page: blind answer → commit → drafts revealed → the type's final step → next.
// FREE_TEXT and CATEGORICAL keep / revise / accept; DRAFT_RATING rates every draft; PAIRWISE
// prefers one anonymous response or calls a tie. A page whose item was finished meanwhile (in
// another window, or a copy brought back by Back/Forward) is out of date: the server refuses what
// it sends with a 409, and the page then says so instead of offering the form again.

import { api } from './api.js';
import { noRecorder, startRecorder } from './provenance.js';
import { bindShortcuts } from './shortcuts.js';
import { words } from './words.js';
import { acceptableSlots, collectRatings, fetchDrafts, labelSet, rateNextUnrated, renderDrafts, toggleDiff } from './reveal.js';

const root = document.getElementById('item-page');
const aid = root.dataset.assignment;
const task = root.dataset.task;
const categorical = task === 'CATEGORICAL';
const rating = task === 'DRAFT_RATING';
const pairwise = task === 'PAIRWISE';
const revealAllowed = root.dataset.reveal === 'true';
const $ = (id) => document.getElementById(id);

let status = root.dataset.status;
const recorder = status === 'ASSIGNED' || status === 'COMMITTED'
  ? startRecorder(aid, { onRefused: (e) => outOfDate(e) })
  : noRecorder;
let blindAnswer = $('blind-answer') ? $('blind-answer').textContent : null;
let slots = [];
let acceptable = [];
let revealed = false;
let busy = false;

function showError(id, err) {
  const el = $(id);
  if (!el) return;
  el.textContent = err ? err.message : '';
  el.hidden = !err;
}

function currentAnswer() {
  if (categorical) {
    const checked = document.querySelector('#labels input[type=radio]:checked');
    return checked ? checked.value : '';
  }
  return $('answer').value;
}

async function guarded(errorId, work) {
  if (busy) return;
  busy = true;
  showError(errorId, null);
  try {
    await work();
  } catch (e) {
    if (!outOfDate(e)) showError(errorId, e);
  } finally {
    busy = false;
  }
}

// 409s that mean the server's assignment moved on without this page.
const FINISHED = new Set(['assignment-finished', 'already-final', 'reservation-expired']);
const COMMITTED_ELSEWHERE = 'already-committed';

function outOfDate(e) {
  const type = e && e.status === 409 && e.problem && typeof e.problem.type === 'string' ? e.problem.type : '';
  const slug = type.slice(type.lastIndexOf(':') + 1);
  const finished = FINISHED.has(slug);
  if (!finished && slug !== COMMITTED_ELSEWHERE) return false;
  recorder.stop();
  status = finished ? 'OUT_OF_DATE_FINISHED' : 'OUT_OF_DATE';
  for (const id of ['blind-form', 'skip-form', 'final-actions', 'revise-form']) if ($(id)) $(id).hidden = true;
  $('stale-text').textContent = slug === 'reservation-expired'
    ? 'Your reservation of this item ran out before you committed a blind answer, so its place went back to the pool.'
      + ' Nothing was committed. Go on to your next item.'
    : finished
    ? 'This item was already finished — this page is out of date. Nothing more was recorded for it.'
    : 'Your blind answer for this item was already committed in another window — this page is out of date.';
  $('stale-next').hidden = !finished;
  $('stale-reload').hidden = finished;
  $('stale-notice').hidden = false;
  (finished ? $('stale-next') : $('stale-reload')).focus();
  return true;
}

function commit() {
  return guarded('answer-error', async () => {
    const answer = currentAnswer();
    if (!answer.trim()) throw new Error(categorical ? 'Pick a label first.' : 'Write your answer first.');
    await recorder.flush();
    await api('POST', `/api/assignments/${aid}/blind`, { answer });
    status = 'COMMITTED';
    blindAnswer = answer;
    showCommitted(answer);
    await reveal();
  });
}

function showCommitted(answer) {
  const form = $('blind-form');
  if ($('skip-form')) $('skip-form').hidden = true;
  const note = document.createElement('p');
  note.className = 'status committed';
  note.textContent = 'Committed blind — it can no longer change.';
  const box = document.createElement('div');
  box.className = 'blind-answer';
  box.id = 'blind-answer';
  box.textContent = answer;
  form.replaceWith(note, box);
  $('final-card').hidden = false;
}

async function reveal() {
  if (!revealAllowed) return;
  const drafts = await fetchDrafts(aid);
  slots = drafts.map((d) => d.slot);
  acceptable = acceptableSlots(drafts, labelSet());
  renderDrafts($('drafts'), drafts, blindAnswer, pairwise ? 'compare' : rating ? 'rate' : 'review');
  $('drafts-card').hidden = false;
  revealed = true;
  if (!$('final-actions')) return;
  if (rating) {
    $('save-ratings').hidden = false;
  } else if (pairwise) {
    slotButtons($('prefer-buttons'), 'prefer', (slot) => `Prefer ${slot}`, prefer);
    $('tie').hidden = false;
  } else {
    slotButtons($('accept-buttons'), 'accept', (slot) => `Accept draft ${slot}`, accept, acceptable);
    $('revise-toggle').hidden = false;
    const revise = $('revise-answer');
    if (revise) revise.value = blindAnswer; // a categorical revision starts from the blind label too
  }
}

function slotButtons(box, idPrefix, label, onClick, allowed = slots) {
  box.replaceChildren();
  for (const slot of slots) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'secondary';
    b.id = `${idPrefix}-${slot}`;
    b.disabled = !allowed.includes(slot);
    if (b.disabled) b.title = 'This draft is not one of the project\'s labels: revise to a label instead.';
    b.textContent = `${label(slot)} `;
    const key = document.createElement('kbd');
    key.textContent = slot;
    b.appendChild(key);
    b.addEventListener('click', () => onClick(slot));
    box.appendChild(b);
  }
}

function saveFinal(body) {
  return guarded('final-error', async () => {
    if (status !== 'COMMITTED') return;
    await recorder.flush();
    const ratings = collectRatings($('drafts'));
    await api('POST', `/api/assignments/${aid}/final`, { ...body, ratings });
    status = 'FINAL';
    recorder.stop();
    $('final-actions').hidden = true;
    if ($('revise-form')) $('revise-form').hidden = true;
    for (const input of $('drafts').querySelectorAll('input')) input.disabled = true; // saved ratings stay as saved
    const saved = document.createElement('p');
    saved.className = 'status';
    saved.textContent = `Saved: ${words(body.decision)}${body.preferredSlot ? ` ${body.preferredSlot}` : ''}`;
    $('final-card').appendChild(saved);
    $('done-card').hidden = false;
    $('next').focus();
  });
}

const keep = () => saveFinal({ decision: 'KEEP' });
const accept = (slot) => acceptable.includes(slot) && saveFinal({ decision: 'ACCEPT', acceptedSlot: slot });
const prefer = (slot) => slots.includes(slot) && saveFinal({ decision: 'PREFER', preferredSlot: slot });
const tie = () => revealed && saveFinal({ decision: 'TIE' });
const saveRatings = () => revealed && saveFinal({ decision: 'RATE' });

function openRevise() {
  if (status !== 'COMMITTED' || !revealed || !$('revise-form')) return;
  $('revise-form').hidden = false;
  $('revise-answer').focus();
}

function submitRevision() {
  return saveFinal({ decision: 'REVISE', answer: $('revise-answer').value });
}

function openSkip() {
  $('skip-form').hidden = false;
  $('skip-reason').focus();
}

function closeSkip() {
  $('skip-form').hidden = true;
  $('skip').focus();
}

function skip() {
  const reason = $('skip-reason').value;
  if (!reason.trim()) {
    showError('answer-error', new Error('Say why you skip this item.'));
    $('skip-reason').focus();
    return;
  }
  guarded('answer-error', async () => {
    await recorder.flush();
    await api('POST', `/api/assignments/${aid}/skip`, { reason });
    recorder.stop();
    window.location.href = $('next').getAttribute('href');
  });
}

function showDiff() {
  if (!revealed || pairwise) return;
  const shown = toggleDiff($('drafts'));
  $('diff-toggle').setAttribute('aria-pressed', String(shown));
  $('diff-toggle').firstChild.textContent = shown ? 'Show drafts as written ' : 'Show changes from my answer ';
  $('diff-legend').hidden = !shown;
}

function next() {
  if (status === 'FINAL' || status === 'SKIPPED' || status === 'OUT_OF_DATE_FINISHED') {
    window.location.href = $('next').getAttribute('href');
  }
}

function pickLabel(n) {
  const choices = document.querySelectorAll('#labels input[type=radio]');
  if (status === 'ASSIGNED' && choices[n - 1]) {
    choices[n - 1].checked = true;
    choices[n - 1].dispatchEvent(new Event('input', { bubbles: true }));
  }
}

if ($('blind-form')) {
  $('blind-form').addEventListener('submit', (e) => { e.preventDefault(); commit(); });
  $('skip').addEventListener('click', openSkip);
  $('skip-cancel').addEventListener('click', closeSkip);
  $('skip-form').addEventListener('submit', (e) => { e.preventDefault(); skip(); });
}
if ($('keep')) $('keep').addEventListener('click', keep);
if ($('save-ratings')) $('save-ratings').addEventListener('click', saveRatings);
if ($('tie')) $('tie').addEventListener('click', tie);
if ($('revise-toggle')) $('revise-toggle').addEventListener('click', openRevise);
if ($('diff-toggle')) $('diff-toggle').addEventListener('click', showDiff);
if ($('revise-form')) $('revise-form').addEventListener('submit', (e) => { e.preventDefault(); submitRevision(); });

bindShortcuts({
  submit: () => {
    if (status === 'ASSIGNED') commit();
    else if (status === 'COMMITTED' && rating) saveRatings();
    else if (status === 'COMMITTED' && $('revise-form') && !$('revise-form').hidden) submitRevision();
  },
  keep: $('keep') ? () => status === 'COMMITTED' && keep() : undefined,
  accept: (slot) => status === 'COMMITTED' && (pairwise ? prefer(slot) : accept(slot)),
  tie: pairwise ? () => status === 'COMMITTED' && tie() : undefined,
  revise: openRevise,
  next,
  diff: showDiff,
  label: categorical ? pickLabel : undefined,
  rate: rating ? (n) => status === 'COMMITTED' && revealed && rateNextUnrated($('drafts'), n) : undefined,
});

if (status === 'COMMITTED') {
  reveal().catch((e) => showError('final-error', e));
}

// A copy of this page restored from the back/forward cache shows the assignment as it was when the
// page was left; the server renders it as it is now. (no-store keeps Chrome from caching it at all.)
window.addEventListener('pageshow', (e) => {
  if (e.persisted) window.location.reload();
});
