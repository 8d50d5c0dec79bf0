// The third-party corpus: exact pinned versions from bench/corpus.json, installed without
// scripts into .cache/bench-corpus, then laid out (hard links) as a plain source tree without
// node_modules path segments, because secretlint's CLI and most scanners skip node_modules.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import {
  existsSync, linkSync, copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync,
} from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

export function loadCorpusSpec(root) {
  const file = join(root, 'bench', 'corpus.json');
  const text = readFileSync(file, 'utf8');
  return { spec: JSON.parse(text), hash: createHash('sha256').update(text).digest('hex').slice(0, 16) };
}

function walk(dir, exts, out) {
  for (const ent of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, ent.name);
    if (ent.isDirectory()) walk(p, exts, out);
    else if (ent.isFile() && exts.some((e) => ent.name.endsWith(e))) out.push(p);
  }
  return out;
}

/** Deterministic subset: every k-th file of the sorted list. */
export function subset(files, k) {
  return k <= 1 ? files : files.filter((_, i) => i % k === 0);
}

/**
 * Ensure the corpus is installed and laid out; returns { dir, files (relative to dir), bytes }.
 * `variant` 'full' or 'quick' (every 5th file, own tree so a directory scan sees only the subset).
 */
export function ensureCorpus(root, { variant = 'full', log = console.log } = {}) {
  const { spec, hash } = loadCorpusSpec(root);
  const base = join(root, '.cache', 'bench-corpus');
  const stamp = join(base, 'installed.json');
  let installed = false;
  if (existsSync(stamp)) {
    try {
      installed = JSON.parse(readFileSync(stamp, 'utf8')).hash === hash && existsSync(join(base, 'node_modules'));
    } catch {
      installed = false;
    }
  }
  if (!installed) {
    rmSync(base, { recursive: true, force: true });
    mkdirSync(base, { recursive: true });
    const pkgs = Object.entries(spec.packages).map(([n, v]) => `${n}@${v}`);
    log(`corpus: installing ${pkgs.join(' ')} (npm, --ignore-scripts)`);
    execFileSync('npm', ['install', '--prefix', base, '--no-save', '--ignore-scripts', '--no-audit', '--no-fund',
      '--loglevel=error', ...pkgs], { stdio: 'inherit' });
    writeFileSync(stamp, JSON.stringify({ hash, packages: spec.packages }, null, 2));
  }

  const treeName = variant === 'quick' ? 'tree-quick' : 'tree';
  const tree = join(base, treeName);
  const listFile = join(base, `${treeName}.files.txt`);
  const treeStamp = join(base, `${treeName}.json`);
  if (existsSync(treeStamp) && existsSync(listFile)) {
    const meta = JSON.parse(readFileSync(treeStamp, 'utf8'));
    if (meta.hash === hash) return { dir: tree, listFile, files: meta.files, bytes: meta.bytes, packages: spec.packages };
  }
  rmSync(tree, { recursive: true, force: true });
  const nm = join(base, 'node_modules');
  let all = walk(nm, spec.extensions, []).sort();
  if (variant === 'quick') all = subset(all, 5);
  let bytes = 0;
  const rel = [];
  for (const src of all) {
    // node_modules/a/node_modules/b/x.js -> a/_deps/b/x.js
    const r = relative(nm, src).split(`${sep}node_modules${sep}`).join(`${sep}_deps${sep}`);
    const dst = join(tree, r);
    mkdirSync(dirname(dst), { recursive: true });
    try {
      linkSync(src, dst);
    } catch {
      copyFileSync(src, dst);
    }
    bytes += statSync(src).size;
    rel.push(r);
  }
  // Its own (empty) git repository, so tools that honour .gitignore do not apply the host
  // repository's ignore of .cache/ to the corpus.
  execFileSync('git', ['init', '-q', tree]);
  writeFileSync(listFile, `${rel.join('\n')}\n`);
  writeFileSync(treeStamp, JSON.stringify({ hash, files: rel.length, bytes }));
  return { dir: tree, listFile, files: rel.length, bytes, packages: spec.packages };
}
