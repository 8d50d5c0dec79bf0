#!/usr/bin/env node
// secretlint's engine "run well": @secretlint/core lintSource with the recommended preset, in one
// process, with the process-global profiler neutralised (see docs/performance.md).
//
// usage: node bench/runners/secretlint-engine.mjs --list FILE [--limit N] [--profiler on|off]
//          [--per-rule] [--concurrency N]
// Prints one JSON object on stdout: files, bytes, findings, timings (ms) and, with --per-rule,
// the time each preset rule spends alone on the same files.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { lintSource } from '@secretlint/core';
import { secretLintProfiler } from '@secretlint/profiler';
import { createRawSource } from '@secretlint/source-creator';
import * as preset from '@secretlint/secretlint-rule-preset-recommend';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i === -1 ? dflt : args[i + 1];
};
const listFile = opt('--list');
if (!listFile) {
  console.error('usage: secretlint-engine.mjs --list FILE [--limit N] [--profiler on|off] [--per-rule]');
  process.exit(2);
}
const limit = Number(opt('--limit', '0'));
const profiler = opt('--profiler', 'off');
const perRule = args.includes('--per-rule');
const concurrency = Number(opt('--concurrency', '4'));

// @secretlint/core calls secretLintProfiler.mark() several times per file and per rule. The
// profiler keeps every performance mark in an array and, on each "::end" mark, runs a linear
// find() over all marks kept so far (the result is unused) and queues a performance.measure().
// In one long-lived process this is O(marks^2). An own-property no-op shadows the prototype
// method, so core's calls cost nothing; nothing else in the lint path reads the profiler.
if (profiler === 'off') {
  secretLintProfiler.mark = () => {};
}

let files = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
if (limit > 0) files = files.slice(0, limit);

const presetConfig = {
  rules: [{ id: preset.creator.meta.id, rule: preset.creator, options: {} }],
};

async function runAll(config, sources) {
  let findings = 0;
  let next = 0;
  async function worker() {
    while (next < sources.length) {
      const source = sources[next++];
      if (source.contentType !== 'text') continue;
      const result = await lintSource({ source, options: { config, maskSecrets: true } });
      findings += result.messages.length;
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return findings;
}

const t0 = performance.now();
// Read the way the secretlint CLI does (content-type detection included), interleaved with
// linting as the CLI does, in the main (timed) run.
let bytes = 0;
let findings = 0;
let textFiles = 0;
const sources = perRule ? [] : null;
{
  let next = 0;
  async function worker() {
    while (next < files.length) {
      const filePath = files[next++];
      const source = await createRawSource(filePath);
      bytes += source.content.length;
      if (source.contentType !== 'text') continue;
      textFiles++;
      const result = await lintSource({ source, options: { config: presetConfig, maskSecrets: true } });
      findings += result.messages.length;
      if (sources) sources.push(source);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
}
const totalMs = performance.now() - t0;

const out = {
  side: 'secretlint-engine',
  profiler,
  files: files.length,
  textFiles,
  chars: bytes,
  findings,
  totalMs: Math.round(totalMs),
};

if (perRule) {
  const ruleTimes = [];
  for (const rule of preset.rules) {
    const config = { rules: [{ id: rule.meta.id, rule, options: {} }] };
    const t = performance.now();
    const n = await runAll(config, sources);
    ruleTimes.push({ rule: rule.meta.id, ms: Math.round(performance.now() - t), findings: n });
  }
  const t = performance.now();
  await runAll({ rules: [] }, sources);
  ruleTimes.push({ rule: '(no rules: core overhead only)', ms: Math.round(performance.now() - t), findings: 0 });
  ruleTimes.sort((a, b) => b.ms - a.ms);
  out.perRule = ruleTimes;
}

process.stdout.write(`${JSON.stringify(out)}\n`);
