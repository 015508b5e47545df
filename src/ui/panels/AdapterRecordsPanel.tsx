// The records of the current step, drawn as they happen: a split as a block breaking into its lowest-size
// pieces, a merge as pieces joining (CSS animations, replayed whenever the step changes), with the header
// fields, data, previous timestamps and the plain-language reason for each; and the running rows per
// AccessAdapterAir<N> with their padded heights.
import { useState } from 'react';
import { ADAPTER_SIZES } from '../../engine/memory/config';
import type { AdapterRecord } from '../../engine/memory/recordLog';
import type { AdapterRowsView } from '../../engine/timeline/sessionTypes';
import { explainTPrev } from '../../engine/views/explainMetadata';
import type { StepView } from '../../engine/views/frameTypes';
import { Explain } from '../controls/Explain';
import { fmtRange, fmtValues, type NumberBase, useNumberBase } from './numberBase';

const hex = (n: number) => '0x' + n.toString(16).padStart(8, '0');
/** AS1..3 hold bytes, AS4 and up BabyBear field elements (OpenVM's default config). */
const cellBytes = (addressSpace: number) => (addressSpace >= 4 ? 4 : 1);

function RecordShape({ record }: { record: AdapterRecord }) {
  const pieces = record.blockSize / record.lowestBlockSize;
  const ts = record.prevTimestamps;
  return (
    <div className={`shape shape-${record.kind}`} aria-hidden="true">
      <div className="shape-whole">{record.blockSize}</div>
      <div className="shape-pieces">
        {Array.from({ length: pieces }, (_, k) => (
          <div
            key={k}
            className="shape-piece"
            style={{ animationDelay: `${k * 40}ms` }}
            title={ts ? `piece ${k}: t ${ts[k]}` : undefined}
          >
            {ts ? `t${ts[k]}` : record.lowestBlockSize}
          </div>
        ))}
      </div>
    </div>
  );
}

function RecordItem({
  record,
  explanation,
  index,
  stepKey,
}: {
  record: AdapterRecord;
  explanation: { text: string; openvmFunction: string; cause: string };
  index: number;
  stepKey: string;
}) {
  const [open, setOpen] = useState(false);
  const base = useNumberBase();
  return (
    <li
      key={stepKey}
      className={`adapter-record record-${record.kind}`}
      data-testid="adapter-record"
      data-kind={record.kind}
      data-as={record.addressSpace}
      data-ptr={record.pointer}
      data-size={record.blockSize}
      data-lowest={record.lowestBlockSize}
      data-t={record.timestamp}
      data-cause={explanation.cause}
      style={{ animationDelay: `${index * 120}ms` }}
    >
      <RecordShape record={record} />
      <div className="record-body">
        <div className="record-head">
          <span className="badge">{record.kind}</span>
          <span className="mono">
            AS{record.addressSpace} {fmtRange(record.pointer, record.blockSize, base)}{' '}
            {record.kind === 'split'
              ? `${record.blockSize} → ${record.blockSize / record.lowestBlockSize}×${record.lowestBlockSize}`
              : `${record.blockSize / record.lowestBlockSize}×${record.lowestBlockSize} → ${record.blockSize}`}
          </span>
          <span className="mono" title="header timestamp_and_mask (bit 31 = MERGE_AND_NOT_SPLIT_FLAG)">
            t {record.timestamp} <span className="muted">({hex(record.timestampAndMask)})</span>
          </span>
          <button
            type="button"
            className="explain"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
            title="Why does this record exist?"
          >
            explain
          </button>
        </div>
        <div className="record-fields mono muted">
          type_size {record.typeSize} · data [{fmtValues(record.data, base, cellBytes(record.addressSpace))}]
          {record.prevTimestamps && <> · prev_ts [{record.prevTimestamps.join(', ')}]</>}
        </div>
        <p className="why">{explanation.text}</p>
        {open && (
          <p className="openvm muted" data-testid="explanation">
            Produced by OpenVM v1.7 <code>{explanation.openvmFunction}</code> (online.rs).
          </p>
        )}
      </div>
    </li>
  );
}

export function AdapterRecordsPanel({
  step,
  rows,
  mode,
}: {
  step: StepView | null;
  rows: AdapterRowsView | null;
  mode: string | null;
}) {
  const key = step ? `step-${step.step}` : 'none';
  const base: NumberBase = useNumberBase();
  return (
    <section className="panel adapter-records" aria-label="Adapter records">
      <h2>Adapter records</h2>
      {step === null ? (
        <p className="muted">
          At the start: no step has run yet. Step forward to see the records each access appends.
        </p>
      ) : (
        <>
          <div className="step-accesses mono" data-testid="step-accesses">
            {step.accesses.length === 0 ? (
              <span className="muted">step {step.step}: no traced access</span>
            ) : (
              step.accesses.map((a, i) => (
                <div
                  key={i}
                  className={`step-access ${a.write ? 'op-write' : 'op-read'}`}
                  data-testid="step-access"
                  data-t={a.timestamp}
                  data-tprev={a.tPrev}
                >
                  <span
                    title={
                      step.timestampOffset === 0
                        ? undefined
                        : `the segment's own timestamp (its TracingMemory, as t_prev is); the run's timestamp is ${a.timestamp}`
                    }
                  >
                    t {a.timestamp - step.timestampOffset}
                  </span>{' '}
                  · {a.write ? 'write' : 'read'} AS{a.addressSpace} {fmtRange(a.pointer, a.size, base)} ·
                  t_prev {a.tPrev} · {a.recordEnd - a.recordStart} record
                  {a.recordEnd - a.recordStart === 1 ? '' : 's'}{' '}
                  <Explain
                    label="explain t_prev"
                    text={explainTPrev(
                      a.tPrev,
                      a.timestamp - step.timestampOffset,
                      step.records.slice(a.recordStart, a.recordEnd),
                      a,
                    )}
                  />
                </div>
              ))
            )}
          </div>
          {step.records.length === 0 ? (
            <p className="muted" data-testid="no-records">
              No records:{' '}
              {step.accesses.length > 0
                ? 'every access hit a block of exactly its size and start (the fast path of calculate_splits_and_merges), or split/merge sizes equal to min_block_size, which OpenVM never records.'
                : 'this step touched no memory.'}
            </p>
          ) : (
            <ol className="record-list" key={key}>
              {step.records.map((r, i) => (
                <RecordItem
                  key={`${key}-${i}`}
                  record={r}
                  explanation={step.explanations[i]}
                  index={i}
                  stepKey={key}
                />
              ))}
            </ol>
          )}
        </>
      )}
      {rows && (
        <table className="rows" data-testid="adapter-rows">
          <caption>
            rows per AccessAdapterAir&lt;N&gt; so far ({rows.splits} splits, {rows.merges} merges
            {mode ? `, ${mode}` : ''})
          </caption>
          <thead>
            <tr>
              <th>N</th>
              {ADAPTER_SIZES.map((n) => (
                <th key={n}>{n}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th title="B/N rows for every N in 2L..B, per record">rows</th>
              {Array.from(rows.rows, (r, i) => (
                <td key={i} data-testid={`rows-${ADAPTER_SIZES[i]}`}>
                  {r}
                </td>
              ))}
            </tr>
            <tr>
              <th title="trace height: next power of two, 0 stays 0 (AIR absent)">padded</th>
              {Array.from(rows.padded, (r, i) => (
                <td key={i}>{r}</td>
              ))}
            </tr>
          </tbody>
        </table>
      )}
    </section>
  );
}
