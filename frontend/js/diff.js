// Word-level diff (longest common subsequence over words and the spaces between them).
// Returns [{op: 'same' | 'ins' | 'del', text}] turning `from` into `to`.

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
  return out;
}
