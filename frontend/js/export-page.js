// The ops export form: builds the export URL from the form, streams the response with a progress bar
// (rows received against the labels or items the project has), saves it as a file, then shows the
// export's manifest (rows written and the payload's SHA-256), or, for an export cut off part-way, why it failed.

import { api, ApiError } from './api.js';

const form = document.getElementById('export-form');
const status = document.getElementById('export-status');
const bar = document.getElementById('export-progress');
const count = document.getElementById('export-count');
const manifestLink = document.getElementById('export-manifest');
const error = document.getElementById('export-error');

const PER_ITEM = new Set(['openai-evals', 'label-studio']);

function exportUrl() {
  const data = new FormData(form);
  const query = new URLSearchParams();
  for (const [key, value] of data.entries()) {
    if (value !== '' && !(key === 'minExposures' && !data.get('excludeExposedTo'))) query.append(key, value);
  }
  return `/api/projects/${form.dataset.project}/export?${query}`;
}

function expectedRows() {
  const data = new FormData(form);
  const perItem = PER_ITEM.has(data.get('format')) || data.get('gold') === 'true';
  return Math.max(1, Number(perItem ? form.dataset.items : form.dataset.labels) || 1);
}

function fileName(response) {
  const disposition = response.headers.get('content-disposition') || '';
  const match = /filename="([^"]+)"/.exec(disposition);
  return match ? match[1] : 'export';
}

async function readWithProgress(response, expected) {
  const reader = response.body.getReader();
  const chunks = [];
  let bytes = 0;
  let rows = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    bytes += value.length;
    for (const b of value) if (b === 10) rows++;
    bar.value = Math.min(rows, expected);
    count.textContent = `${rows.toLocaleString()} lines · ${(bytes / 1e6).toFixed(1)} MB`;
  }
  return { chunks, bytes };
}

function save(chunks, type, name) {
  const url = URL.createObjectURL(new Blob(chunks, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// A failed export is cut off mid-stream (never a short file that looks whole): nothing is saved, and the
// manifest says why.
async function whyCut(id) {
  const lead = 'The export failed and nothing was saved';
  try {
    const manifest = await api('GET', `/api/exports/${id}`);
    return manifest.failure ? `${lead}: ${manifest.failure}` : `${lead}: the connection was cut.`;
  } catch (e) {
    return `${lead}: the connection was cut.`;
  }
}

async function run(event) {
  event.preventDefault();
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  error.hidden = true;
  status.hidden = false;
  manifestLink.hidden = true;
  const expected = expectedRows();
  bar.max = expected;
  bar.value = 0;
  count.textContent = 'Starting…';
  try {
    const response = await fetch(exportUrl(), { credentials: 'same-origin' });
    if (!response.ok) {
      const problem = (response.headers.get('content-type') || '').includes('json') ? await response.json() : null;
      throw new ApiError(response.status, problem);
    }
    const id = response.headers.get('x-blindfold-export-id');
    let received;
    try {
      received = await readWithProgress(response, expected);
    } catch (cut) {
      throw new Error(await whyCut(id));
    }
    const { chunks, bytes } = received;
    bar.value = bar.max;
    save(chunks, response.headers.get('content-type') || 'application/octet-stream', fileName(response));
    const manifest = await settledManifest(id);
    if (manifest.status === 'failed') {
      throw new Error(`The export failed: ${manifest.failure}`);
    }
    count.textContent = manifest.status === 'complete'
      ? `Done: ${manifest.rows.toLocaleString()} rows, ${(bytes / 1e6).toFixed(2)} MB, SHA-256 ${manifest.sha256.slice(0, 16)}…`
      : `Received ${(bytes / 1e6).toFixed(2)} MB; the manifest does not say complete yet (open it below).`;
    manifestLink.href = `/api/exports/${id}`;
    manifestLink.hidden = false;
  } catch (e) {
    status.hidden = true;
    error.textContent = e.message;
    error.hidden = false;
  } finally {
    button.disabled = false;
  }
}

// The server records the export complete just after its last byte, so the manifest can still say streaming when the
// body has arrived: ask again for up to 5 s.
async function settledManifest(id) {
  let manifest = await api('GET', `/api/exports/${id}`);
  for (let i = 0; i < 50 && manifest.status === 'streaming'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    manifest = await api('GET', `/api/exports/${id}`);
  }
  return manifest;
}

form.addEventListener('submit', run);
