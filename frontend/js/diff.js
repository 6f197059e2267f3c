// Word-level diff (longest common subsequence over words and the spaces between them).
// Returns [{op: 'same' | 'ins' | 'del', text}] turning `from` into `to`. Within a stretch of
// changes, removed words come first and added words after, so the result reads as phrases.

const MAX_TOKENS = 3000;

function tokens(text) {
  return text.split(/(\s+)/).filter((t) => t.length > 0);
}

export function wordDiff(from, to) {
  const a = tokens(from);
  const b = tokens(to);
  if (a.length * b.length > MAX_TOKENS * MAX_TOKENS / 4) {
    return [{ op: 'del', text: from }, { op: 'ins', text: to }];
  }
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out = [];
  const emit = (op, text) => {
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += text;
    else out.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { emit('same', a[i]); i++; j++; }
    else if (lcs[i + 1][j] >= lcs[i][j + 1]) { emit('del', a[i]); i++; }
    else { emit('ins', b[j]); j++; }
  }
  while (i < a.length) emit('del', a[i++]);
  while (j < b.length) emit('ins', b[j++]);
  return groupChanges(out);
}

// Folds spaces that merely separate changed words into the change, then orders each run as del, ins.
function groupChanges(parts) {
  const grouped = [];
  let del = '';
  let ins = '';
  const flush = () => {
    if (del.trim()) grouped.push({ op: 'del', text: del.trim() });
    if (del.trim() && ins.trim()) grouped.push({ op: 'same', text: ' ' });
    if (ins.trim()) grouped.push({ op: 'ins', text: ins.trim() });
    del = '';
    ins = '';
  };
  parts.forEach((part, k) => {
    const inRun = del || ins;
    const next = parts[k + 1];
    if (part.op === 'del') del += part.text;
    else if (part.op === 'ins') ins += part.text;
    else if (inRun && /^\s+$/.test(part.text) && next && next.op !== 'same') {
      del += part.text;
      ins += part.text;
    } else {
      const lead = inRun ? ' ' : '';
      flush();
      grouped.push({ op: 'same', text: lead && !/^\s/.test(part.text) ? lead + part.text : part.text });
    }
  });
  flush();
  return grouped;
}
