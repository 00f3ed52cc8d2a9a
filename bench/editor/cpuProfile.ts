/**
 * `BENCH_EDITOR_PROFILE=1`: a V8 CPU profile of the renderer while typing, summarized as the
 * functions with the most self time (where a keystroke's main-thread time goes);
 * `BENCH_EDITOR_PROFILE_OUT=file.cpuprofile` keeps the raw profiles (`file-<editor>.cpuprofile`, DevTools opens them).
 */
import { writeFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

export async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
}

function frameKey(node: ProfileNode): string {
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  return `${functionName || '(anonymous)'}  ${url.split('/').pop() ?? ''}:${lineNumber + 1}:${columnNumber + 1}`;
}

function listed(times: Map<string, number>, top: number): string[] {
  return [...times.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, us]) => `${(us / 1000).toFixed(0).padStart(7)} ms  ${key}`);
}

/**
 * Stops the profile; the `top` functions by self time and, for functions whose name starts with a
 * capital (React components, classes), by total time, as `ms  function  file:line`.
 */
export async function stopProfile(cdp: CDPSession, name: string, top = 25): Promise<string[]> {
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const out = process.env.BENCH_EDITOR_PROFILE_OUT;
  if (out)
    writeFileSync(out.replace(/(\.cpuprofile)?$/, `-${name.replace(/\W+/g, '_')}.cpuprofile`), JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfByNode = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i] ?? -1;
    selfByNode.set(id, (selfByNode.get(id) ?? 0) + (deltas[i] ?? 0));
  }
  const selfUs = new Map<string, number>();
  const totalUs = new Map<string, number>();
  const visit = (node: ProfileNode, onPath: Set<string>): number => {
    const key = frameKey(node);
    const own = selfByNode.get(node.id) ?? 0;
    const name = node.callFrame.functionName;
    if (name !== '(idle)' && name !== '(program)') selfUs.set(key, (selfUs.get(key) ?? 0) + own);
    const inner = new Set(onPath).add(key);
    let total = own;
    for (const childId of node.children ?? []) {
      const child = byId.get(childId);
      if (child) total += visit(child, inner);
    }
    if (/^[A-Z]/.test(name) && !onPath.has(key)) totalUs.set(key, (totalUs.get(key) ?? 0) + total);
    return total;
  };
  const root = profile.nodes[0];
  if (root) visit(root, new Set());
  return ['by self time:', ...listed(selfUs, top), 'components by total time:', ...listed(totalUs, top)];
}
