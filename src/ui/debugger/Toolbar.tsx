// Examples, open a file, input and run options (mode, allocator interposition, step limit), the lessons
// gallery, the workspace's layouts and View menu (which opens Cost and Cost by function), theme, status.
import { ThemeToggle } from '../controls/ThemeToggle';
import { CommitField } from '../controls/CommitField';
import { readFiles } from '../layout/DropZone';
import { LayoutBar } from '../workspace/LayoutBar';
import { RunOptions } from '../controls/RunOptions';
import { SegmentOptions } from '../controls/SegmentOptions';
import '../controls/header.css';
import { debuggerStore, useDebugger } from './useDebugger';
import { BLANK_OPTIONS, EditButton, openBlank } from '../playground/PlaygroundSlot';

export function Toolbar() {
  const examples = useDebugger((s) => s.examples);
  const loaded = useDebugger((s) => s.loaded);
  const options = useDebugger((s) => s.options);
  const showLessons = useDebugger((s) => s.showLessons);
  const { openExample, openFiles, setOptions, setShowLessons } = debuggerStore.getState();
  const current = loaded?.isExample ? loaded.name : '';
  const guest = loaded?.kind === 'guest';
  return (
    <header className="toolbar">
      <h1>memscope</h1>
      <select
        aria-label="Examples"
        value={current}
        onChange={(e) => void (openBlank(e.target.value) || openExample(e.target.value))}
      >
        {current === '' && <option value="">{loaded?.name ?? 'choose an example'}</option>}
        {(['mtrace', 'guest', 'alloc'] as const).map((kind) => (
          <optgroup
            key={kind}
            label={
              kind === 'mtrace' ? 'Memory scripts' : kind === 'guest' ? 'Guest programs' : 'Allocator traces'
            }
          >
            {examples
              .filter((e) => e.kind === kind)
              .map((e) => (
                <option key={e.file} value={e.file} title={e.teaches}>
                  {e.title}
                </option>
              ))}
          </optgroup>
        ))}
        <optgroup label="Playground">
          {BLANK_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.title}
            </option>
          ))}
        </optgroup>
      </select>
      <EditButton />
      <label
        className="file-open"
        title="An ELF, .mtrace, .alloc or .s (assembly, opened in the playground), with the guest's input .json and openvm.toml if it has them (select several, or drop them anywhere)"
      >
        Open…
        <input
          className="sr-only"
          type="file"
          multiple
          accept=".elf,.mtrace,.alloc,.json,.hex,.toml,.c,.h,.cc,.cpp,.hpp,.rs,.s,.S,.zig,application/octet-stream,text/plain"
          onChange={async (e) => {
            const files = await readFiles(e.target.files);
            e.target.value = '';
            if (files.length > 0) await openFiles(files);
          }}
        />
      </label>
      {guest && loaded?.config && (
        <span
          className="config-file muted"
          data-testid="config-file"
          title={`${loaded.config.name} was opened with the guest and is kept with it (passed to the engine as the VM config)`}
        >
          + {loaded.config.name}
        </span>
      )}
      {guest && (
        <>
          <label title='guest input in the OpenVM CLI format: one hex string or {"input": ["0x01…"]}'>
            <span className="input-word">input </span>
            <CommitField
              aria-label="Input"
              value={options.input}
              placeholder="0x01…"
              onCommit={(input) => setOptions({ input })}
              style={{ width: '8em' }}
            />
          </label>
          <RunOptions
            summary={`${options.mode}${options.mode === 'persistent' && options.segments === 'off' ? ' · unsegmented' : ''}${options.alloc !== 'off' ? ` · ${options.alloc}` : ''}`}
          >
            <label>
              mode{' '}
              <select
                aria-label="Memory mode"
                value={options.mode}
                onChange={(e) => setOptions({ mode: e.target.value as 'persistent' | 'volatile' })}
              >
                <option value="persistent">persistent</option>
                <option value="volatile">volatile</option>
              </select>
            </label>
            <SegmentOptions options={options} setOptions={setOptions} />
            <label title="observe: record the guest's own allocator calls; orthotope: serve them with the orthotope model">
              allocator{' '}
              <select
                aria-label="Allocator interposition"
                value={options.alloc}
                onChange={(e) => setOptions({ alloc: e.target.value as 'off' | 'observe' | 'orthotope' })}
              >
                <option value="off">off</option>
                <option value="observe">observe</option>
                <option value="orthotope">orthotope</option>
              </select>
            </label>
            <label title="the run pauses (not fails) after this many instructions">
              step limit{' '}
              <CommitField
                aria-label="Step limit"
                inputMode="numeric"
                value={String(options.maxSteps)}
                onCommit={(v) => Number(v) > 0 && setOptions({ maxSteps: Math.floor(Number(v)) })}
                style={{ width: '9em' }}
              />
            </label>
          </RunOptions>
        </>
      )}
      <button
        type="button"
        className="lessons-toggle"
        aria-pressed={showLessons}
        onClick={() => setShowLessons(!showLessons)}
        title="Guided lessons on OpenVM's memory adapters"
      >
        Lessons
      </button>
      <LayoutBar />
      <ThemeToggle />
      <StatusText />
    </header>
  );
}

/** The run status: the engine's (loading, running, recording) or, when idle, how the position stands. */
function StatusText() {
  const status = useDebugger((s) => s.status);
  const recording = useDebugger((s) => s.recording);
  const positionStatus = useDebugger((s) => s.frame?.position.status);
  // The guest's exit code, beside the status once the run has ended (not only in the Input panel).
  const exitCode = useDebugger((s) =>
    s.frame?.program?.kind === 'guest' && s.frame.position.status === 'done'
      ? s.frame.program.exitCode
      : null,
  );
  return (
    <>
      <span className="status" data-testid="status" data-status={status}>
        {recording ? 'recording…' : status === 'ready' ? (positionStatus ?? 'ready') : status}
      </span>
      {exitCode !== null && !recording && (
        <span className="status exit-code" data-testid="exit-code" title="the guest's exit code">
          exit<span className="exit-word"> code</span> {exitCode}
        </span>
      )}
    </>
  );
}
