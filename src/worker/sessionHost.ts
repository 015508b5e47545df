// The engine side of the protocol: owns the Session (one per worker), turns each request into one response
// and posts progress during long runs. Runs execute in chunks and yield to the event loop between them, so
// a `pause` message (or a newer request) is seen within a chunk (~20 ms). Shared by the Worker entry and
// the in-process client: both transports run exactly this code.

import { EngineError, toErrorInfo } from '../engine/errors';
import { viewMtraceRun } from '../engine/scripts/mtraceView';
import { Session } from '../engine/session';
import type { Position } from '../engine/timeline/sessionTypes';
import { FrameBuilder } from '../engine/views/frameBuilder';
import { transferable } from '../engine/views/transferable';
import { costComparison } from '../engine/lessons/costComparison';
import { predictNext } from '../engine/lessons/predict';
import { openLessonSession } from './lessonRequests';
import { type ControlOp, type EngineRequest, type EngineResponse, PROTOCOL_VERSION } from './protocol';

const CHUNK_STEPS = 200_000;
const yieldToEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class SessionHost {
  private session: Session | null = null;
  private frames: FrameBuilder | null = null;
  private pauseRequested = false;

  constructor(private readonly post: (response: EngineResponse) => void) {}

  private need(): { session: Session; frames: FrameBuilder } {
    if (this.session === null || this.frames === null) throw new EngineError('request', 'no program is open');
    return { session: this.session, frames: this.frames };
  }

  async handle(request: EngineRequest): Promise<void> {
    const { id } = request;
    if (request.v !== PROTOCOL_VERSION) {
      this.post({
        v: PROTOCOL_VERSION,
        id,
        ok: false,
        error: {
          kind: 'internal',
          message: `protocol version ${request.v} is not ${PROTOCOL_VERSION}`,
          location: {},
        },
      });
      return;
    }
    try {
      const result = await this.dispatch(request);
      this.post({ v: PROTOCOL_VERSION, id, ok: true, result });
    } catch (e) {
      this.post({ v: PROTOCOL_VERSION, id, ok: false, error: toErrorInfo(e) });
    }
  }

  private async dispatch(request: EngineRequest): Promise<unknown> {
    switch (request.type) {
      case 'ping':
        return { version: PROTOCOL_VERSION };
      case 'runMtrace':
        return viewMtraceRun(request.params.name, request.params.bytes);
      case 'open': {
        const { kind, name, bytes, options, view } = request.params;
        const session = Session.open(kind, bytes, options);
        const text = kind === 'guest' ? null : new TextDecoder().decode(bytes);
        this.session = session;
        this.frames = new FrameBuilder(session, name, text);
        return this.frames.build(view);
      }
      case 'control': {
        const { session, frames } = this.need();
        this.control(session, request.params.control);
        return frames.build(request.params.view);
      }
      case 'frame':
        return this.need().frames.build(request.params.view);
      case 'densities': {
        const { t0, t1, buckets } = request.params;
        const d = this.need().session.densities(t0, t1, buckets);
        for (const a of [d.accesses, d.splits, d.merges, d.allocations, d.frees, d.errors]) transferable(a);
        return d;
      }
      case 'pause':
        this.pauseRequested = true;
        return { paused: true };
      case 'run':
        return this.run(request.id, request.params);
      case 'openLesson': {
        const opened = openLessonSession(request.params);
        this.session = opened.session;
        this.frames = opened.frames;
        return { lesson: opened.lesson, frame: opened.frames.build(request.params.view) };
      }
      case 'predict':
        return predictNext(this.need().session);
      case 'cost': {
        const { kind, bytes, options, stepCap } = request.params;
        return costComparison(kind, bytes, options, stepCap);
      }
    }
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
      case 'reset':
        session.seekStep(0);
        return;
      case 'seek':
        session.seek(c.timestamp);
        return;
      case 'seekStep':
        session.seekStep(c.step);
        return;
      case 'runToAccess':
        session.runToAccess(c.addressSpace, c.addr, c.len, c.which);
        return;
    }
  }

  private async run(id: number, params: Extract<EngineRequest, { type: 'run' }>['params']): Promise<unknown> {
    const { session, frames } = this.need();
    this.pauseRequested = false;
    let stop = 'pause';
    for (;;) {
      const result = session.run({
        maxSteps: CHUNK_STEPS,
        breakpoints: params.toEnd ? [] : params.breakpoints,
        watchpoints: params.toEnd ? [] : params.watchpoints,
      });
      if (result.reason !== 'budget') {
        stop = result.reason;
        break;
      }
      this.progress(id, result.position);
      await yieldToEvents();
      if (this.pauseRequested) break;
    }
    this.pauseRequested = false;
    return { ...frames.build(params.view), stop };
  }

  private progress(id: number, position: Position): void {
    this.post({ v: PROTOCOL_VERSION, id, progress: position });
  }
}
