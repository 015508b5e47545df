// The selected cell: its AccessMetadata (raw packed word, timestamp, block size, offset_to_start), its
// block's extent and values, watchpoints on it, the block's access history (pc and function of each
// access, paged) with jump-to links, and why the block has its size.
import { explainMetadataWord } from '../../engine/views/explainMetadata';
import type { BlockView } from '../../engine/views/frameTypes';
import { Explain } from '../controls/Explain';
import { AccessHistoryList } from './inspector/AccessHistoryList';
import { WatchBlock } from './inspector/WatchBlock';
import { fmtAddr, fmtRange, fmtValues, useNumberBase } from './numberBase';

const hex = (n: number, w = 8) => '0x' + n.toString(16).padStart(w, '0');

export function BlockInspector({
  block,
  onJump,
  onWho,
}: {
  block: BlockView | null;
  onJump(t: number): void;
  onWho(which: 'previous' | 'next'): void;
}) {
  const base = useNumberBase();
  if (block === null) {
    return (
      <section className="panel block-inspector" aria-label="Block inspector">
        <h2>Block inspector</h2>
        <p className="muted">Click a cell in Address spaces to inspect its block.</p>
      </section>
    );
  }
  const r = block.block;
  const unit = Math.floor((block.pointer - r.unitAddr) / r.align);
  const startUnit = Math.floor((block.blockStart - r.unitAddr) / r.align);
  const raw = r.raw[Math.max(0, Math.min(r.raw.length - 1, unit))];
  const startRaw = r.raw[Math.max(0, startUnit)];
  const offset = r.offsetToStart[Math.max(0, Math.min(r.raw.length - 1, unit))];
  return (
    <section className="panel block-inspector" aria-label="Block inspector">
      <h2>Block inspector</h2>
      <dl
        className="meta"
        data-testid="block-meta"
        data-block-start={block.blockStart}
        data-block-size={block.blockSize}
      >
        <dt>cell</dt>
        <dd className="mono">
          AS{block.addressSpace} {fmtAddr(block.pointer, base)}
        </dd>
        <dt title="AccessMetadata.timestamp_and_log_block_size of the cell's unit (bits 0..28 timestamp, 29..31 size code)">
          raw word
        </dt>
        <dd className="mono" data-testid="raw-word">
          {hex(raw)} · offset_to_start {offset}{' '}
          <Explain text={explainMetadataWord(raw, offset, r.align, r.unitAddr + unit * r.align)} />
        </dd>
        <dt title="the block's start entry holds its timestamp and size">block</dt>
        <dd className="mono">
          {fmtRange(block.blockStart, block.blockSize, base)} · {block.blockSize} cells · start word{' '}
          {hex(startRaw)}
        </dd>
        <dt>last access</dt>
        <dd className="mono" data-testid="block-ts">
          t {r.timestamp[Math.max(0, startUnit)] ?? 0}{' '}
          <Explain text={explainMetadataWord(startRaw, 0, r.align, block.blockStart)} />
        </dd>
        <dt>values</dt>
        <dd className="mono" data-testid="block-values">
          [{fmtValues(r.values, base, r.align === 1 ? 4 : 1)}]
        </dd>
      </dl>
      <p className="why" data-testid="why-size">
        <strong>Why this size?</strong> {block.why}
      </p>
      <WatchBlock
        range={{ addressSpace: block.addressSpace, addr: block.blockStart, len: block.blockSize }}
      />
      <div className="who">
        <button type="button" onClick={() => onWho('previous')}>
          Previous access
        </button>
        <button type="button" onClick={() => onWho('next')}>
          Next access
        </button>
      </div>
      <AccessHistoryList block={block} onJump={onJump} />
    </section>
  );
}
