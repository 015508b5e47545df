// The hand-over between segments lives in the memory room (memory/segmentStart.ts), where the timeline's
// segmented guest machine also uses it; metering reads it from here.
export { startSegmentMemory } from '../../memory/segmentStart';
