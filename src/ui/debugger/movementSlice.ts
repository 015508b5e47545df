// The movement slice: the controls (step, step back, step over, run, run to end, reset, pause, nudges) and
// seeks. While a program opens and its run records, a forward action is queued and carried out once the
// run is recorded (programSlice.ts), a seek becomes where the recording ends, and Pause cancels it.
import type { ControlAction } from '../shortcuts';
import { countHits, enabledProbes } from './probeSlice';
import { MoveQueue, REPEATABLE } from './moveQueue';
import { isRecordingNotice, runEndNotice } from './runEndNotice';
import { progressOf } from './programSlice';
import type { MovementSlice, StoreContext } from './storeTypes';

/** Actions that wait for the recording to finish (the rest make no sense before it). */
const QUEUEABLE: ControlAction[] = ['step', 'stepOver', 'stepOut', 'run', 'runToEnd'];

export function movementSlice(ctx: StoreContext): MovementSlice {
  const { client, env, set, get } = ctx;
  /** Guests with line information move by source line unless the user chose instructions. */
  const bySource = () => {
    const p = get().frame?.program;
    return get().byLine && p?.kind === 'guest' && p.source !== null;
  };
  /** Step presses that arrived while a step was being carried out (moveQueue.ts). */
  const repeats = new MoveQueue();
  /** True while a control (a step) is in flight: later step presses queue behind it. */
  let stepping = false;
  return {
    async control(c) {
      if (!get().frame || get().status === 'running') return;
      set({ status: 'running', lastHit: undefined });
      stepping = true;
      try {
        ctx.apply(await client.request('control', { control: c, view: ctx.viewRequest() }));
      } catch (e) {
        repeats.clear();
        ctx.fail(e);
        await ctx.refresh();
      } finally {
        stepping = false;
      }
      const next = repeats.shift();
      if (next !== undefined) await get().action(next);
    },

    async action(a) {
      const s = get();
      if (a === 'help') return set({ help: !s.help });
      // A step pressed while a step is carried out waits for it (key repeat), up to a bound.
      if (REPEATABLE.includes(a) && stepping && s.status === 'running') {
        repeats.push(a);
        return;
      }
      if (!REPEATABLE.includes(a)) repeats.clear();
      // While a program opens and records, the forward actions wait for it (the click that started the
      // opening, e.g. by leaving the Input box, is one of them).
      if (s.recording || s.status === 'loading') {
        if (a === 'pause') return get().cancel();
        if (QUEUEABLE.includes(a)) set({ queued: a });
        return;
      }
      switch (a) {
        case 'pause':
          if (s.status === 'running') await client.request('pause', {});
          return;
        case 'step':
          return get().control(bySource() ? { op: 'stepSource', how: 'into' } : { op: 'step' });
        case 'stepBack':
          return get().control(bySource() ? { op: 'stepSource', how: 'back' } : { op: 'stepBack' });
        case 'stepOver':
          return get().control(bySource() ? { op: 'stepSource', how: 'over' } : { op: 'stepOver' });
        case 'reverseStepOver':
          // By source line, Step back already steps back over calls (reverse-next).
          return get().control(bySource() ? { op: 'stepSource', how: 'back' } : { op: 'reverseStepOver' });
        case 'stepOut':
          return get().control({ op: 'stepOut', direction: 'forward' });
        case 'stepOutBack':
          return get().control({ op: 'stepOut', direction: 'backward' });
        case 'reset':
          return get().control({ op: 'reset' });
        case 'nudgeBack':
          if (s.frame) get().seek(Math.max(0, s.frame.position.timestamp - 1));
          return;
        case 'nudgeForward':
          if (s.frame) get().seek(s.frame.position.timestamp + 1);
          return;
        case 'focusTimestamp':
          env.focusTimestampField();
          return;
        case 'run':
        case 'reverseContinue':
        case 'runToEnd': {
          if (!s.frame || s.status === 'running') return;
          // With nothing to stop it, the run skips what is recorded (sessionHost.run): it counts on from there.
          const free =
            a === 'runToEnd' || (a === 'run' && s.breakpoints.length === 0 && s.watchpoints.length === 0);
          const from = free ? Math.max(s.frame.position.step, s.frame.info.head.step) : s.frame.position.step;
          const started = { step: from, at: env.now() };
          let base: { step: number; at: number } | undefined;
          set({
            status: 'running',
            lastStop: undefined,
            // Run records what a cancelled recording left: its notice is stale once it starts.
            ...(isRecordingNotice(s.notice) ? { notice: undefined } : {}),
            progress: { what: 'running', step: started.step, rate: 0, startedAt: started.at },
          });
          const sent = enabledProbes(s);
          try {
            const frame = await client.request(
              'run',
              {
                ...sent,
                toEnd: a === 'runToEnd',
                direction: a === 'reverseContinue' ? 'backward' : 'forward',
                view: ctx.viewRequest(),
              },
              {
                onProgress: (position) => {
                  // The rate counts from the first message: the run may start by skipping what is recorded.
                  base ??= { step: position.step, at: env.now() };
                  set({ progress: progressOf('running', base, position, env.now()) });
                },
              },
            );
            set({ lastStop: frame.stop, progress: undefined, ...countHits(get(), sent, frame) });
            if (frame.position.status === 'limit') set({ notice: runEndNotice(frame.info.end) });
            ctx.apply(frame);
          } catch (e) {
            set({ progress: undefined });
            ctx.fail(e);
            await ctx.refresh();
          }
          return;
        }
      }
    },

    seek(t) {
      if (!get().frame) return;
      repeats.clear();
      const target = Math.max(0, Math.round(t));
      // While the run opens and records, a seek (Go to timestamp, a timeline click) would be answered after
      // the recording and then undone by its return to the start: the recording ends there instead.
      if (get().recording || get().status === 'loading') return set({ pendingT: target });
      set({ status: 'running' });
      ctx.seeker.request(target);
    },
  };
}
