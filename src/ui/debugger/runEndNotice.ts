// What the user is told when a recording or a Run ends somewhere they may not look: at the step limit (the
// run pauses there, it did not end), or at an error further on (an .mtrace with a bad line 6 used to
// open with only an unlabelled red diamond on the Timeline; the error was said only when stepping reached
// it). Issue 22, "long runs".
import type { TimelineEnd } from '../../engine/timeline/recording/timeline';
import { formatNumber } from '../panels/timeline/format';

/** The notice for how the recorded run ends, or undefined when it simply ends (done) or is not known yet. */
export function runEndNotice(end: TimelineEnd | null, unit = 'timestamp'): string | undefined {
  if (end === null) return undefined;
  if (end.status === 'limit')
    return `The run reached the step limit (${formatNumber(end.step)} steps, ${unit} ${formatNumber(end.timestamp)}) and stops there: raise the step limit to run further.`;
  if (end.status === 'error') {
    const where = end.error?.location.line !== undefined ? ` (line ${end.error.location.line})` : '';
    const why = end.error ? `: ${end.error.message}` : '';
    return `The run stops with an error at step ${formatNumber(end.step)}${where}${why}. Run to end shows it.`;
  }
  return undefined;
}

/** True for the notices a later run makes stale (a cancelled recording that Run then records further). */
export function isRecordingNotice(notice: string | undefined): boolean {
  return notice !== undefined && notice.startsWith('Recording cancelled');
}
