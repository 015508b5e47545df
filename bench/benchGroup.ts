// What a benchmark group is: a function that prints `name=value` lines through `report`. Its own file so the
// group files and the registry (groups.ts) do not import each other.
export type Report = (name: string, value: number | string) => void;
export type BenchGroup = (report: Report) => void | Promise<void>;
