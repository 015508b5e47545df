// Number formatting for the allocator panel: exact integers with separators for tooltips and data, short
// binary units (KiB, MiB, GiB: the arena and the classes are powers of two) for labels.

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function count(n: number): string {
  return integer.format(n);
}

/** "242,112 bytes" (tooltips: the exact value). */
export function bytesExact(n: number): string {
  return `${integer.format(n)} ${n === 1 ? 'byte' : 'bytes'}`;
}

/** "236.4 KiB", "64 MiB", "512 B" (labels). */
export function bytesShort(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = n;
  let u = 0;
  while (Math.abs(value) >= 1024 && u < units.length - 1) {
    value /= 1024;
    u++;
  }
  if (u === 0) return `${integer.format(value)} B`;
  const digits = Math.abs(value) >= 100 ? 0 : 1;
  return `${value.toFixed(digits).replace(/\.0$/, '')} ${units[u]}`;
}

/** "12.5%" (one decimal; "<0.1%" for tiny non-zero fractions, so they do not read as nothing). */
export function percent(fraction: number): string {
  if (fraction > 0 && fraction < 0.001) return '<0.1%';
  return `${(fraction * 100).toFixed(1).replace(/\.0$/, '')}%`;
}
