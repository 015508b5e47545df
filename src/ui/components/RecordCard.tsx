// One access-adapter record: kind, block, sizes, header timestamp, data and (merges) the pieces' timestamps.
import type { AdapterRecord } from '../../engine/memory/recordLog';

const hex = (n: number) => '0x' + n.toString(16);

export function describeRecord(r: AdapterRecord): string {
  const pieces = r.blockSize / r.lowestBlockSize;
  return r.kind === 'split'
    ? `split ${r.blockSize} → ${pieces}×${r.lowestBlockSize} at ${r.pointer}`
    : `merge ${pieces}×${r.lowestBlockSize} → ${r.blockSize} at ${r.pointer}`;
}

export function RecordCard({ record }: { record: AdapterRecord }) {
  return (
    <li
      className={`record record-${record.kind}`}
      data-testid="record"
      data-kind={record.kind}
      data-as={record.addressSpace}
      data-ptr={record.pointer}
      data-size={record.blockSize}
      data-lowest={record.lowestBlockSize}
      data-t={record.timestamp}
    >
      <span className="badge">{record.kind}</span>
      <span className="record-what">
        AS{record.addressSpace} {describeRecord(record)}
      </span>
      <span className="record-t" title={`timestamp_and_mask = ${hex(record.timestampAndMask)}`}>
        t {record.timestamp}
      </span>
      <span className="record-data" title="data (cell values)">
        [{record.data.join(' ')}]
      </span>
      {record.prevTimestamps && <span className="record-prev" title="prev_ts of the pieces">prev_ts [{record.prevTimestamps.join(', ')}]</span>}
    </li>
  );
}
