// What a benchmark group is: a function that prints `name=value` lines through `report`. Its own file so the
// group files and the registry (groups.ts) do not import each other.
export type Report = (name: string, value: number | string) => void;
export type BenchGroup = (report: Report) => void | Promise<void>;

/** The q-quantile of xs (nearest rank, from below): the median is quantile(xs, 0.5). */
export function quantile(xs: readonly number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
