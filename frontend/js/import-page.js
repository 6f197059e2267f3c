// The ops import page: pick a file, upload it with a real progress bar, then show the counts or the problem.
// XMLHttpRequest rather than fetch: only it reports upload progress. Like api.js it sends the session
// cookie same-origin, asks for JSON and turns a problem+json answer into an ApiError.

import { ApiError } from './api.js';

const root = document.getElementById('import-page');
const projectId = root.dataset.project;
const maxBytes = Number(root.dataset.maxBytes);
const $ = (id) => document.getElementById(id);

const FORMATS = [
  { extensions: ['.ndjson', '.jsonl'], format: 'ndjson', type: 'application/x-ndjson', name: 'NDJSON, one item a line' },
  { extensions: ['.csv'], format: 'csv', type: 'text/csv', name: 'CSV' },
  { extensions: ['.json'], format: 'label-studio', type: 'application/json', name: 'a Label Studio tasks export' },
];

let busy = false;

function formatOf(file) {
  const name = file ? file.name.toLowerCase() : '';
  return FORMATS.find((f) => f.extensions.some((ext) => name.endsWith(ext))) || null;
}

function size(bytes) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

function showError(message) {
  $('import-error').textContent = message || '';
  $('import-error').hidden = !message;
}

function showState(text, loaded, total) {
  $('import-progress-card').hidden = false;
  $('import-state').textContent = text;
  const bar = $('import-progress');
  if (total === undefined) {
    bar.removeAttribute('value'); // indeterminate while the server imports
  } else {
    bar.max = Math.max(total, 1);
    bar.value = loaded;
  }
}

function chosen() {
  const file = $('import-file').files[0];
  const format = formatOf(file);
  $('label-studio-options').hidden = !format || format.format !== 'label-studio';
  $('import-result').hidden = true;
  showError(null);
  if (file && !format) {
    showError('Choose a .ndjson, .jsonl, .csv or .json file: the format follows the extension.');
  } else if (file && file.size > maxBytes) {
    showError(`${file.name} is ${size(file.size)}; imports take files up to ${root.dataset.maxSize}.`);
  } else if (file) {
    $('import-format').textContent = `${file.name}: ${format.name}, ${size(file.size)}.`;
  }
  return file && format && file.size <= maxBytes ? { file, format } : null;
}

function url(format) {
  const query = new URLSearchParams({ format: format.format });
  if (format.format === 'label-studio') {
    query.set('inputField', $('input-field').value.trim() || 'text');
    if ($('family').value.trim()) query.set('family', $('family').value.trim());
  }
  return `/api/projects/${projectId}/items?${query}`;
}

function problemOf(xhr) {
  try {
    return JSON.parse(xhr.responseText);
  } catch (e) {
    return null;
  }
}

function showCounts(counts) {
  for (const key of ['created', 'skipped', 'drafts', 'labels', 'flaggedDrafts']) {
    $(`count-${key}`).textContent = String(counts[key]);
  }
  $('import-result').hidden = false;
}

function upload({ file, format }) {
  busy = true;
  $('import-start').disabled = true;
  showError(null);
  $('import-result').hidden = true;
  showState(`Uploading… ${size(0)} of ${size(file.size)}`, 0, file.size);

  const xhr = new XMLHttpRequest();
  xhr.open('POST', url(format));
  xhr.setRequestHeader('Content-Type', format.type);
  xhr.setRequestHeader('Accept', 'application/json');
  xhr.upload.onprogress = (e) => {
    const total = e.lengthComputable ? e.total : file.size;
    showState(`Uploading… ${size(e.loaded)} of ${size(total)}`, e.loaded, total);
  };
  xhr.upload.onload = () => showState('Importing…');
  xhr.onload = () => {
    const body = problemOf(xhr);
    if (xhr.status >= 200 && xhr.status < 300 && body) {
      showState(`Done: ${file.name} imported.`, 1, 1);
      showCounts(body);
    } else {
      showState('Not imported.', 0, 1);
      showError(new ApiError(xhr.status, body).message);
    }
  };
  xhr.onerror = () => {
    showState('Not imported.', 0, 1);
    showError('The upload broke off before the server answered (the connection was lost or refused). A file lands'
      + ' whole or not at all: send it again, items already imported are skipped.');
  };
  xhr.onloadend = () => {
    busy = false;
    $('import-start').disabled = false;
  };
  xhr.send(file);
}

$('import-file').addEventListener('change', chosen);
$('import-form').addEventListener('submit', (e) => {
  e.preventDefault();
  if (busy) return;
  const picked = chosen();
  if (picked) upload(picked);
});
