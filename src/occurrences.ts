/**
 * Where each of `patterns` occurs in `text`: the start of every occurrence, in
 * order, overlapping ones included. One walk of the text whatever the number of
 * patterns (Aho–Corasick), so that asking where thousands of names occur in a
 * large file costs the file's length, not that times the number of names.
 */
export function occurrences(text: string, patterns: Iterable<string>): ReadonlyMap<string, readonly number[]> {
  const found = new Map<string, number[]>();
  // The trie: node 0 is the root; `next` holds each node's edges by character code.
  const next: Map<number, number>[] = [new Map()];
  const ending: (string | null)[] = [null];
  for (const pattern of patterns) {
    if (pattern === '' || found.has(pattern)) continue;
    found.set(pattern, []);
    let node = 0;
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      let child = next[node]!.get(code);
      if (child === undefined) {
        child = next.length;
        next.push(new Map());
        ending.push(null);
        next[node]!.set(code, child);
      }
      node = child;
    }
    ending[node] = pattern;
  }
  // Breadth first: `fail` is the node of the longest proper suffix that is in the trie,
  // `output` the nearest node along the fail links where a pattern ends.
  const fail = new Int32Array(next.length);
  const output = new Int32Array(next.length).fill(-1);
  const queue: number[] = [];
  for (const child of next[0]!.values()) queue.push(child);
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const [code, child] of next[node]!) {
      let f = fail[node]!;
      while (f !== 0 && !next[f]!.has(code)) f = fail[f]!;
      const target = next[f]!.get(code);
      fail[child] = target !== undefined && target !== child ? target : 0;
      output[child] = ending[fail[child]!] !== null ? fail[child]! : output[fail[child]!]!;
      queue.push(child);
    }
  }
  let node = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    while (node !== 0 && !next[node]!.has(code)) node = fail[node]!;
    node = next[node]!.get(code) ?? 0;
    for (let at = ending[node] !== null ? node : output[node]!; at > 0; at = output[at]!) {
      const pattern = ending[at]!;
      found.get(pattern)!.push(i - pattern.length + 1);
    }
  }
  return found;
}
