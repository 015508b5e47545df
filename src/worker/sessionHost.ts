// The engine side of the protocol: owns the Session (one per worker), turns each request into one response
// and posts progress during long runs. Requests are answered one at a time, in arrival order (a run never
// interleaves with another request on the same session); only `pause` is answered at once, so it stops
// a run within a chunk: runs execute in chunks and yield to the event loop between them. Each request
// type has its handler in one table typed by RequestMap, so params and results are type-checked here.
// Shared by the Worker entry and the in-process client: both transports run exactly this code.

import { EngineError, toErrorInfo } from '../engine/errors';
import { viewMtraceRun } from '../engine/scripts/mtraceView';
import { compileSource } from './compileSource';
import { Session } from '../engine/session';
import type { Position } from '../engine/timeline/sessionTypes';
import { FrameBuilder } from '../engine/views/frameBuilder';
import { transferable } from '../engine/views/transferable';
import { costComparison } from '../engine/lessons/costComparison';
import { COST_MEASURES, type CostEntry, type CostMeasure } from '../engine/metering/attribution/costProfile';
import { METER_LOG_BUDGET_BYTES, meterRun } from '../engine/metering/meterView';
import { RangeProfiler } from '../engine/metering/attribution/rangeProfile';
import { exportProfile } from '../engine/metering/profiles/profileExport';
import { predictNext } from '../engine/lessons/predict';
import { programListing } from '../engine/views/programListing';
import { openLessonSession } from './lessonRequests';
import {
  type ControlOp,
  type EngineRequest,
  type EngineResponse,
  PROTOCOL_VERSION,
  type RequestMap,
  type RequestType,
} from './protocol';

/** Steps per run chunk: about 50–100 ms of recording, so a pause is seen quickly and progress is smooth. */
export const CHUNK_STEPS = 200_000;
/**
 * Lets queued messages (a `pause`) in between two chunks. A message on a fresh channel, not setTimeout(0):
 * nested timers are clamped to 4 ms, which a 13-million-step recording (70 chunks) would pay every chunk.
 */
const yieldToEvents = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

interface RequestContext {
  id: number;
}

type Handler<K extends RequestType> = (
  params: RequestMap[K]['params'],
  ctx: RequestContext,
) => RequestMap[K]['result'] | Promise<RequestMap[K]['result']>;
type Handlers = { [K in RequestType]: Handler<K> };

export class SessionHost {
  private session: Session | null = null;
  private frames: FrameBuilder | null = null;
  private pauseRequested = false;
  /** The last metered run's attribution, for range and interval queries (the run itself is not kept). */
  private profiler: RangeProfiler | null = null;
  /** The request being answered (and those before it): the next one waits for it. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly post: (response: EngineResponse) => void) {}

  private need(): { session: Session; frames: FrameBuilder } {
    if (this.session === null || this.frames === null) throw new EngineError('request', 'no program is open');
    return { session: this.session, frames: this.frames };
  }

  private needProfiler(): RangeProfiler {
    if (this.profiler === null) throw new EngineError('request', 'no metered run: meter the run first');
    return this.profiler;
  }

  /**
   * The steps (= instret for guests) of the instructions running at timestamps t0 and t1 of the session
   * (the last state at or before each), the session left where it was.
   */
  private stepsAt(t0: number, t1: number): [number, number] {
    const { session } = this.need();
    const here = session.position().step;
    const end = session.info().end?.timestamp ?? session.info().head.timestamp;
    const clamp = (t: number) => Math.max(1, Math.min(end, Math.round(t)));
    try {
      const a = session.seek(clamp(Math.min(t0, t1))).step;
      const b = session.seek(clamp(Math.max(t0, t1))).step;
      return [a, b];
    } finally {
      session.seekStep(here);
    }
  }

  /** An instruction range [from, to), given as one or as the session's timestamps [t0, t1]; checked. */
  private instructionRange(
    params: { from: number; to: number } | { t0: number; t1: number },
  ): [number, number] {
    const [from, to] = 'from' in params ? [params.from, params.to] : this.stepsAt(params.t0, params.t1);
    if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from <= to))
      throw new EngineError('request', `bad instruction range [${from}, ${to})`);
    return [from, to];
  }

  private readonly handlers: Handlers = {
    ping: () => ({ version: PROTOCOL_VERSION }),
    compile: ({ language, source }) => compileSource(language, source),
    runMtrace: ({ name, bytes }) => viewMtraceRun(name, bytes),
    open: ({ kind, name, bytes, options, view }) => {
      const session = Session.open(kind, bytes, options);
      const text = kind === 'guest' ? null : new TextDecoder().decode(bytes);
      // Only a session that opened replaces the current one: a bad file leaves it usable.
      this.session = session;
      this.frames = new FrameBuilder(session, name, text);
      return { frame: this.frames.build(view), program: this.frames.programStatic() };
    },
    control: ({ control, view }) => {
      const { session, frames } = this.need();
      this.control(session, control);
      return frames.build(view);
    },
    frame: ({ view }) => this.need().frames.build(view),
    accessHistory: ({ addressSpace, addr, len, limit, before }) => {
      const page = this.need().session.accessHistory(addressSpace, addr, len, limit, before);
      for (const a of [page.timestamp, page.tPrev, page.addressSpace, page.pointer, page.size, page.write])
        transferable(a);
      if (page.pc !== null) transferable(page.pc);
      return page;
    },
    listing: ({ from, count }) => programListing(this.need().session, from, count),
    densities: ({ t0, t1, buckets }) => {
      const d = this.need().session.densities(t0, t1, buckets);
      for (const a of [d.accesses, d.splits, d.merges, d.allocations, d.frees, d.errors]) transferable(a);
      return d;
    },
    pause: () => {
      this.pauseRequested = true;
      return { paused: true };
    },
    run: (params, ctx) => this.run(ctx.id, params),
    openLesson: (params) => {
      const opened = openLessonSession(params);
      this.session = opened.session;
      this.frames = opened.frames;
      return {
        lesson: opened.lesson,
        frame: opened.frames.build(params.view),
        program: opened.frames.programStatic(),
      };
    },
    predict: () => predictNext(this.need().session),
    cost: ({ kind, bytes, options, stepCap }) => costComparison(kind, bytes, options, stepCap),
    meter: ({ bytes, input, segments, config, allocator, mode, logBudgetBytes }) => {
      this.profiler = null;
      // Bounded at 10^9 instructions: past the budget the log is folded to the whole run's profile.
      const budget = logBudgetBytes ?? METER_LOG_BUDGET_BYTES;
      const { view, run } = meterRun(bytes, {
        ...segments,
        input,
        config,
        allocator,
        mode,
        logBudgetBytes: budget,
      });
      this.profiler = run === null ? null : new RangeProfiler(run);
      return view;
    },
    meterRange: (params) => {
      const q = this.needProfiler();
      const [from, to] = this.instructionRange(params);
      const profiles = {} as Record<CostMeasure, CostEntry[]>;
      for (const m of COST_MEASURES) profiles[m] = q.entries(from, to, m);
      return { from, to, profiles };
    },
    meterExport: ({ format, measure, programName, range }) => {
      const q = this.needProfiler();
      const [from, to] = range === null ? [0, q.instret] : this.instructionRange(range);
      const out = exportProfile(q, from, to, format, { measure, programName, exporter: 'memscope app' });
      transferable(out.bytes);
      return { from, to, ...out };
    },
    meterIntervals: ({ path }) => {
      const iv = this.needProfiler().intervals(path);
      transferable(iv.instret);
      transferable(iv.timestamps);
      return iv;
    },
  };

  /** Answers one request (after those before it; `pause` at once). Resolves when the answer is posted. */
  handle(request: EngineRequest): Promise<void> {
    if (request.v !== PROTOCOL_VERSION) {
      this.post({
        v: PROTOCOL_VERSION,
        id: request.id,
        ok: false,
        error: {
          kind: 'internal',
          message: `protocol version ${request.v} is not ${PROTOCOL_VERSION}`,
          location: {},
        },
      });
      return Promise.resolve();
    }
    if (request.type === 'pause') return this.answer(request);
    const answered = this.queue.then(() => this.answer(request));
    this.queue = answered;
    return answered;
  }

  private async answer(request: EngineRequest): Promise<void> {
    const { id } = request;
    try {
      const result = await this.dispatch(request.type, request.params, { id });
      this.post({ v: PROTOCOL_VERSION, id, ok: true, result });
    } catch (e) {
      this.post({ v: PROTOCOL_VERSION, id, ok: false, error: toErrorInfo(e) });
    }
  }

  private dispatch<K extends RequestType>(
    type: K,
    params: RequestMap[K]['params'],
    ctx: RequestContext,
  ): RequestMap[K]['result'] | Promise<RequestMap[K]['result']> {
    const handler: Handler<K> = this.handlers[type];
    return handler(params, ctx);
  }

  private control(session: Session, c: ControlOp): void {
    switch (c.op) {
      case 'step':
        session.step(c.count ?? 1);
        return;
      case 'stepBack':
        session.stepBack(c.count ?? 1);
        return;
      case 'stepOver':
        session.stepOver();
        return;
      case 'stepSource':
        session.stepSource(c.how);
        return;
      case 'reset':
        session.seekStep(0);
        return;
      case 'seek':
        session.seek(c.timestamp);
        return;
      case 'seekStep':
        session.seekStep(c.step);
        return;
      case 'seekSegment':
        session.seekSegment(c.segment, c.timestamp);
        return;
      case 'runToAccess':
        session.runToAccess(c.addressSpace, c.addr, c.len, c.which, c.writesOnly === true);
        return;
      case 'stepOut':
        session.stepOut(c.direction);
        return;
      case 'reverseStepOver':
        session.reverseStepOver();
        return;
    }
  }

  private async run(id: number, params: RequestMap['run']['params']): Promise<RequestMap['run']['result']> {
    const { session, frames } = this.need();
    this.pauseRequested = false;
    const probes = params.toEnd
      ? { breakpoints: [], watchpoints: [] }
      : { breakpoints: params.breakpoints, watchpoints: params.watchpoints };
    // Reverse continue: one reverse search (replaying checkpoint intervals newest first).
    if (params.direction === 'backward') {
      const r = session.run({ ...probes, direction: 'backward' });
      return { ...frames.build(params.view), stop: r.reason, hit: r.hit, matched: r.matched };
    }
    // The end is recorded and nothing can stop the run before it: going there is a seek, not a replay.
    const end = session.info().end;
    if (end !== null && probes.breakpoints.length === 0 && probes.watchpoints.length === 0) {
      session.seekStep(end.step);
      return { ...frames.build(params.view), stop: 'end' };
    }
    // Nothing can stop it before what was recorded (e.g. before a Cancel): go there, then run on, so the
    // progress continues from where the recording stopped instead of counting the replay from 0 again.
    const head = session.info().head;
    if (
      probes.breakpoints.length === 0 &&
      probes.watchpoints.length === 0 &&
      head.step > session.position().step
    )
      session.seekStep(head.step);
    let stop = 'pause';
    let last: ReturnType<Session['run']> | null = null;
    for (;;) {
      const result = session.run({ maxSteps: CHUNK_STEPS, ...probes });
      if (result.reason !== 'budget') {
        stop = result.reason;
        last = result;
        break;
      }
      this.progress(id, result.position);
      await yieldToEvents();
      if (this.pauseRequested) break;
    }
    this.pauseRequested = false;
    return { ...frames.build(params.view), stop, hit: last?.hit, matched: last?.matched };
  }

  private progress(id: number, position: Position): void {
    this.post({ v: PROTOCOL_VERSION, id, progress: position });
  }
}
