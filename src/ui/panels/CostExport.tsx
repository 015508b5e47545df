// Cost by function's Export: the scope shown (whole run, a segment, the Timeline range) as a file for the
// tools people already use — pprof (.pb.gz, `go tool pprof`), speedscope (.speedscope.json) or folded
// stacks of the measure shown (flamegraph.pl, inferno). The worker writes the bytes (request
// `meterExport`, engine/metering/profiles); pprof is gzipped here with the browser's CompressionStream;
// the file is handed to the browser as a download named program-scope.ext.
import { useState } from 'react';
import type { CostMeasure } from '../../engine/metering/attribution/costProfile';
import { PROFILE_EXTENSIONS, type ProfileFormat } from '../../engine/metering/profiles/profileExport';
import { engine } from '../engine';

const FORMATS: { id: ProfileFormat; label: string; title: string }[] = [
  { id: 'pprof', label: 'pprof', title: 'pprof profile (.pb.gz) of the three measures: go tool pprof' },
  {
    id: 'speedscope',
    label: 'speedscope',
    title: 'speedscope file: time order by instruction, per segment, and each measure',
  },
  {
    id: 'folded',
    label: 'folded',
    title: 'folded stacks of the measure shown: flamegraph.pl, inferno, speedscope',
  },
];

async function gzip(bytes: Uint8Array): Promise<Blob> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('gzip'));
  return new Response(stream).blob();
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function CostExport(props: {
  programName: string;
  measure: CostMeasure;
  /** The scope's instructions (null: the whole run); undefined while the scope is not known yet. */
  range: { from: number; to: number } | null | undefined;
  /** For the file name: "whole-run", "segment-2", "range-100-2000". */
  scopeTag: string;
}) {
  const [status, setStatus] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const save = async (format: ProfileFormat) => {
    if (props.range === undefined) return;
    setBusy(true);
    setStatus('Writing the profile…');
    try {
      const r = await engine().request('meterExport', {
        format,
        measure: props.measure,
        programName: props.programName,
        range: props.range,
      });
      const base = props.programName.replace(/\.elf$/i, '');
      const name = `${base}-${props.scopeTag}${PROFILE_EXTENSIONS[format]}`;
      const blob = r.gzip ? await gzip(r.bytes) : new Blob([r.bytes as Uint8Array<ArrayBuffer>]);
      download(blob, name);
      setStatus(`Saved ${name}: ${r.summary}.`);
    } catch (e) {
      setStatus(`Export failed: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="cost-export" role="group" aria-label="Export profile">
      Export{' '}
      {FORMATS.map((f) => (
        <button
          key={f.id}
          type="button"
          title={f.title}
          disabled={busy || props.range === undefined}
          onClick={() => void save(f.id)}
        >
          {f.label}
        </button>
      ))}{' '}
      <span className="muted" role="status" data-testid="cost-export-status">
        {status}
      </span>
    </div>
  );
}
