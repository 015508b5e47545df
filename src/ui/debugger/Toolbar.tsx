// Examples, open a file, run options (mode, allocator interposition, step limit, input), theme, status.
import { ThemeToggle } from '../controls/ThemeToggle';
import { useDebugger } from './store';

export function Toolbar() {
  const {
    examples,
    loaded,
    status,
    recording,
    options,
    frame,
    openExample,
    openFile,
    setOptions,
    showLessons,
    setShowLessons,
    showCost,
    setShowCost,
  } = useDebugger();
  const current = loaded?.isExample ? loaded.name : '';
  const guest = loaded?.kind === 'guest';
  return (
    <header className="toolbar">
      <h1>memscope</h1>
      <select aria-label="Examples" value={current} onChange={(e) => void openExample(e.target.value)}>
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
      </select>
      <label
        className="file-open"
        title="ELF, .mtrace, .alloc, or an input .json for the current guest (or drop a file anywhere)"
      >
        Open…
        <input
          type="file"
          accept=".elf,.mtrace,.alloc,.json,application/octet-stream,text/plain"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            if (f) await openFile(f.name, new Uint8Array(await f.arrayBuffer()));
            e.target.value = '';
          }}
        />
      </label>
      {guest && (
        <>
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
            <input
              aria-label="Step limit"
              type="number"
              min={1}
              step={1000000}
              value={options.maxSteps}
              onChange={(e) =>
                Number(e.target.value) > 0 && setOptions({ maxSteps: Math.floor(Number(e.target.value)) })
              }
              style={{ width: '9em' }}
            />
          </label>
          <label title='guest input in the OpenVM CLI format: one hex string or {"input": ["0x01…"]}'>
            input{' '}
            <input
              aria-label="Input"
              defaultValue={options.input}
              placeholder="0x01…"
              onBlur={(e) => e.target.value !== options.input && setOptions({ input: e.target.value.trim() })}
              style={{ width: '10em' }}
            />
          </label>
        </>
      )}
      <button
        type="button"
        aria-pressed={showLessons}
        onClick={() => setShowLessons(!showLessons)}
        title="Guided lessons on OpenVM's memory adapters"
      >
        Lessons
      </button>
      {loaded && loaded.kind !== 'alloc' && (
        <button
          type="button"
          aria-pressed={showCost}
          onClick={() => setShowCost(!showCost)}
          title="What the adapters cost, in both memory modes"
        >
          Cost
        </button>
      )}
      <ThemeToggle />
      <span className="status" data-testid="status" data-status={status}>
        {recording
          ? `recording… step ${frame?.position.step ?? 0}`
          : status === 'ready'
            ? (frame?.position.status ?? 'ready')
            : status}
      </span>
    </header>
  );
}
