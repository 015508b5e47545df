// The program: for guests, the source line and call stack when the ELF has DWARF (SourcePane.tsx), the
// whole program's disassembly, virtualized and searchable (program/DisassemblyView.tsx: symbols, a
// breakpoint gutter, what algebra words do; under a heap-adapter instruction just run, its accesses per
// operand), console output, public
// values and the input/hint stream position; for scripts, the script text with the line just run, the
// next line and a breakpoint gutter.
import { useEffect, useMemo, useRef } from 'react';
import type { Breakpoint } from '../../engine/timeline/sessionTypes';
import type { ExtensionUse } from '../../engine/guest/isa/decoder';
import type { GuestProgramView, ScriptProgramView, StepOperands } from '../../engine/views/frameTypes';
import { SourcePane } from './SourcePane';
import { DisassemblyView } from './program/DisassemblyView';

const hex = (v: number) => '0x' + v.toString(16);

export interface ProgramPanelProps {
  program: GuestProgramView | ScriptProgramView;
  /** Scripts: the script's text (sent once, at open). */
  text: string;
  /** Guests: the extensions its code uses (sent once, at open). */
  extensions: ExtensionUse[];
  /** Guests: the step just run, when it was a heap-adapter chip (algebra, ECC, Int256), per operand. */
  operands: StepOperands | null;
  breakpoints: Breakpoint[];
  onToggleBreakpoint(bp: Breakpoint): void;
}

/** Keeps the current line visible as the position moves, and the step's operand accesses above it. */
function useScrollToCurrent(key: unknown) {
  const ref = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const list = ref.current;
    const li = list?.querySelector<HTMLElement>('li.current');
    if (!list || !li) return;
    const ops = list.querySelector<HTMLElement>('.step-operands')?.closest('li') ?? null;
    // A list that scrolls on its own (beside a source pane) scrolls alone: the panel keeps the source in view.
    const selfScrolling = list.scrollHeight > list.clientHeight;
    for (const el of ops ? [ops, li] : [li]) {
      if (!selfScrolling) {
        el.scrollIntoView({ block: 'nearest' });
        continue;
      }
      const top = el.offsetTop - list.offsetTop;
      if (top < list.scrollTop) list.scrollTop = top;
      else if (top + el.offsetHeight > list.scrollTop + list.clientHeight)
        list.scrollTop = top + el.offsetHeight - list.clientHeight;
    }
  }, [key]);
  return ref;
}

function hasBp(list: Breakpoint[], bp: Breakpoint): boolean {
  return list.some((b) => JSON.stringify(b) === JSON.stringify(bp));
}

export function ProgramPanel({
  program,
  text,
  extensions,
  operands,
  breakpoints,
  onToggleBreakpoint,
}: ProgramPanelProps) {
  return (
    <section className="panel program" aria-label="Program">
      <h2>Program</h2>
      {program.kind === 'guest' ? (
        <GuestProgram
          program={program}
          extensions={extensions}
          operands={operands}
          breakpoints={breakpoints}
          onToggle={onToggleBreakpoint}
        />
      ) : (
        <ScriptProgram
          program={program}
          text={text}
          breakpoints={breakpoints}
          onToggle={onToggleBreakpoint}
        />
      )}
    </section>
  );
}

function GuestProgram({
  program,
  extensions,
  operands,
  breakpoints,
  onToggle,
}: {
  program: GuestProgramView;
  extensions: ExtensionUse[];
  operands: StepOperands | null;
  breakpoints: Breakpoint[];
  onToggle(bp: Breakpoint): void;
}) {
  const pv = Array.from(program.publicValues);
  const usedPv = pv.length - [...pv].reverse().findIndex((b) => b !== 0);
  return (
    <>
      {program.source && <SourcePane source={program.source} />}
      <div className="where muted">{program.where ? `in ${program.where}` : ''}</div>
      {extensions.length > 0 && (
        <div className="extensions muted" data-testid="extensions">
          Extensions:{' '}
          {extensions.map((e, i) => (
            <span
              key={e.extension}
              className={e.implemented ? '' : 'missing'}
              title={`${e.count} instruction word${e.count === 1 ? '' : 's'}, first ${e.firstName} at ${hex(e.firstPc)}`}
            >
              {i > 0 && ' · '}
              {e.extension}
              {e.implemented ? '' : ` (not implemented: the run stops at ${e.firstName} if it executes)`}
            </span>
          ))}
        </div>
      )}
      <DisassemblyView pc={program.pc} operands={operands} breakpoints={breakpoints} onToggle={onToggle} />
      <div className="io">
        <div>
          <h3>Console</h3>
          <pre className="console" data-testid="console">
            {program.console || <span className="muted">(nothing printed yet)</span>}
          </pre>
        </div>
        <div>
          <h3 title="AS3: the values the guest revealed">Public values</h3>
          <code className="pv" data-testid="public-values">
            {usedPv <= 0 || usedPv > pv.length ? (
              <span className="muted">(all zero)</span>
            ) : (
              pv
                .slice(0, Math.max(4, Math.ceil(usedPv / 4) * 4))
                .map((b) => b.toString(16).padStart(2, '0'))
                .join(' ')
            )}
          </code>
          <h3>Input</h3>
          <div className="muted" data-testid="hint-position">
            {program.hint.inputRemaining} input vector{program.hint.inputRemaining === 1 ? '' : 's'} left ·{' '}
            {program.hint.hintRemaining} hint element{program.hint.hintRemaining === 1 ? '' : 's'} buffered
            {program.exitCode !== null && <> · exit code {program.exitCode}</>}
          </div>
        </div>
      </div>
    </>
  );
}

function ScriptProgram({
  program,
  text: source,
  breakpoints,
  onToggle,
}: {
  program: ScriptProgramView;
  text: string;
  breakpoints: Breakpoint[];
  onToggle(bp: Breakpoint): void;
}) {
  const listRef = useScrollToCurrent(program.lastLine);
  const lines = useMemo(() => {
    const all = source.split('\n');
    if (all.at(-1) === '') all.pop();
    return all;
  }, [source]);
  return (
    <ol className="script-text" data-testid="script" ref={listRef}>
      {lines.map((text, i) => {
        const line = i + 1;
        const directive = text.replace(/#.*/, '').trim() !== '';
        const bp = { line };
        const on = hasBp(breakpoints, bp);
        return (
          <li
            key={line}
            className={`script-line ${program.lastLine === line ? 'current' : ''} ${program.nextLine === line ? 'next' : ''} ${directive ? '' : 'comment'}`}
            data-line={line}
          >
            {directive ? (
              <button
                type="button"
                className={`gutter ${on ? 'bp-on' : ''}`}
                aria-label={`${on ? 'Remove' : 'Set'} breakpoint at line ${line}`}
                aria-pressed={on}
                onClick={() => onToggle(bp)}
              >
                {on ? '●' : ''}
              </button>
            ) : (
              <span className="gutter" />
            )}
            <span className="ln">{line}</span>
            <span className="text">{text || ' '}</span>
          </li>
        );
      })}
    </ol>
  );
}
