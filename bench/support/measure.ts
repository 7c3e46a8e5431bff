/** One line of the benchmark table. */
export interface BenchRow {
  scenario: string;
  size: string;
  medianMs: number;
  rate: string;
  target: string;
  /** ours / limit measured in the same run, where a physical limit exists. */
  ratio: string;
}

/**
 * Runs `body` several times and returns the median wall time in milliseconds; `setup` runs
 * before each timing and is not counted.
 */
export async function medianOf(
  runs: number,
  body: () => Promise<void> | void,
  setup?: () => Promise<void> | void,
): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    await setup?.();
    const started = performance.now();
    await body();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export function perSecond(count: number, ms: number): number {
  return ms === 0 ? Infinity : (count * 1000) / ms;
}

export function formatRate(count: number, ms: number, unit: string): string {
  const rate = perSecond(count, ms);
  return `${rate >= 1000 ? `${(rate / 1000).toFixed(1)}k` : rate.toFixed(0)} ${unit}/s`;
}

export function renderTable(rows: BenchRow[]): string {
  const headers = ['scenario', 'size', 'median', 'rate', 'target', 'ratio to limit'];
  const cells = rows.map((row) => [
    row.scenario,
    row.size,
    `${row.medianMs.toFixed(1)} ms`,
    row.rate,
    row.target,
    row.ratio,
  ]);
  const widths = headers.map((header, index) =>
    Math.max(header.length, ...cells.map((row) => row[index]!.length)),
  );
  const line = (values: string[]) =>
    `| ${values.map((value, index) => value.padEnd(widths[index]!)).join(' | ')} |`;
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join(
    '\n',
  );
}
