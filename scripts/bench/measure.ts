/** Timing helpers for the benchmark: interleaved repetitions and medians, so drift hits both sides alike. */

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Collects garbage (node runs with --expose-gc), so one run's garbage is not timed in the next. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export async function timeMs(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The wall time of `fn` and the CPU time this process spent meanwhile (user + system), in ms. */
async function timeWallAndCpu(fn: () => Promise<unknown> | unknown): Promise<{ wall: number; cpu: number }> {
  const cpuBefore = process.cpuUsage();
  const wall = await timeMs(fn);
  const cpu = process.cpuUsage(cpuBefore);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/**
 * Runs `baseline` and `candidate` alternately `rounds` times (after one warm-up each). Medians in ms and their
 * ratio, plus the ratio of the fastest runs (steadier when the machine is noisy: noise only ever adds time), and the
 * medians of the process's CPU time (what other processes on a shared machine disturb least, for what runs in this
 * process: Newman and its sandbox 4.x do).
 * `collectBetween`: collect garbage before each timed run, for runs that leave hundreds of MB behind (12 MB bodies);
 * runs of small requests are timed as they come, garbage collection included, as in a user's run.
 */
export async function compare(
  rounds: number,
  baseline: () => Promise<unknown> | unknown,
  candidate: () => Promise<unknown> | unknown,
  collectBetween = false,
): Promise<{
  baselineMs: number;
  candidateMs: number;
  ratio: number;
  minRatio: number;
  minAddedMs: number;
  baselineCpuMs: number;
  candidateCpuMs: number;
}> {
  await baseline();
  await candidate();
  const b: number[] = [];
  const c: number[] = [];
  const bCpu: number[] = [];
  const cCpu: number[] = [];
  for (let i = 0; i < rounds; i++) {
    if (collectBetween) collectGarbage();
    const bt = await timeWallAndCpu(baseline);
    b.push(bt.wall);
    bCpu.push(bt.cpu);
    if (collectBetween) collectGarbage();
    const ct = await timeWallAndCpu(candidate);
    c.push(ct.wall);
    cCpu.push(ct.cpu);
  }
  const baselineMs = median(b);
  const candidateMs = median(c);
  const minB = Math.min(...b);
  const minC = Math.min(...c);
  return {
    baselineMs,
    candidateMs,
    ratio: candidateMs / baselineMs,
    minRatio: minC / minB,
    minAddedMs: minC - minB,
    baselineCpuMs: median(bCpu),
    candidateCpuMs: median(cCpu),
  };
}

/** A compare() of runs of `count` requests each, with what the candidate adds per request (wall, fastest, CPU). */
export function perRequest<R extends Awaited<ReturnType<typeof compare>>>(result: R, count: number) {
  return {
    ...result,
    addedMsPerRequest: (result.candidateMs - result.baselineMs) / count,
    minAddedMsPerRequest: result.minAddedMs / count,
    addedCpuMsPerRequest: (result.candidateCpuMs - result.baselineCpuMs) / count,
  };
}

/**
 * Runs each of `runs` in turn, `rounds` times (after one warm-up each), collecting garbage before each timed run:
 * the median and the fastest time of each, in ms.
 */
export async function alternate<K extends string>(
  rounds: number,
  runs: Record<K, () => Promise<unknown> | unknown>,
): Promise<Record<K, { medianMs: number; minMs: number }>> {
  const names = Object.keys(runs) as K[];
  for (const name of names) await runs[name]();
  const times = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < rounds; i++) {
    for (const name of names) {
      collectGarbage();
      times[name].push(await timeMs(runs[name]));
    }
  }
  return Object.fromEntries(names.map((n) => [n, { medianMs: median(times[n]), minMs: Math.min(...times[n]) }])) as Record<K, { medianMs: number; minMs: number }>;
}

/**
 * What two ways of signing add over a trivial script (`trivial`, `reference`, `candidate` timed by alternate()):
 * each one's added time (medians, and fastest runs), and the ratio of the candidate's to the reference's.
 */
export function addedRatio(t: Record<'trivial' | 'reference' | 'candidate', { medianMs: number; minMs: number }>) {
  const referenceMs = t.reference.medianMs - t.trivial.medianMs;
  const candidateMs = t.candidate.medianMs - t.trivial.medianMs;
  const minReferenceMs = t.reference.minMs - t.trivial.minMs;
  const minCandidateMs = t.candidate.minMs - t.trivial.minMs;
  return { referenceMs, candidateMs, ratio: candidateMs / referenceMs, minReferenceMs, minCandidateMs, minRatio: minCandidateMs / minReferenceMs };
}

/**
 * What the signer and its floor each add over the trivial script (`trivial`, `floor`, `signer` timed by alternate()),
 * medians and fastest runs, and the signer's excess over the floor.
 */
export function overTrivialAndFloor(t: Record<'trivial' | 'floor' | 'signer', { medianMs: number; minMs: number }>) {
  return {
    addedMs: t.signer.medianMs - t.trivial.medianMs,
    minAddedMs: t.signer.minMs - t.trivial.minMs,
    floorAddedMs: t.floor.medianMs - t.trivial.medianMs,
    floorMinAddedMs: t.floor.minMs - t.trivial.minMs,
    overFloorMs: t.signer.medianMs - t.floor.medianMs,
    minOverFloorMs: t.signer.minMs - t.floor.minMs,
  };
}
