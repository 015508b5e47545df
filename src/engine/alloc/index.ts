// Public surface of the orthotope 0.1.7 model (see allocator.ts for the mirrored API and its invariants).
export {
  createAllocator,
  asUserPtr,
  Allocator,
  type UserPtr,
  type AllocatorOptions,
  type CreateResult,
} from './allocator';
export { AllocatorState, type AllocatorSnapshot } from './allocatorState';
export {
  DEFAULT_CONFIG,
  deriveClassTable,
  validateConfig,
  refillCount,
  localLimit,
  drainCount,
  type AllocatorConfig,
  type ClassTable,
} from './config';
export { PagedArenaBytes, type ArenaBytes } from './arenaBytes';
export { DEFAULT_ADDRESSING, type Addressing, type ArenaWriteObserver } from './arenaMemory';
export {
  formatErrorForLog,
  type AllocError,
  type FreeError,
  type InitError,
  type CorruptReason,
} from './errors';
export { AllocEventLog, EVENT_KIND, EVENT_OP, NO_CLASS } from './events';
export {
  allocatorStats,
  threadCacheStats,
  totals,
  type AllocatorStats,
  type ThreadCacheStats,
  type SizeClassStats,
} from './stats';
export {
  inspectAllocator,
  slabCensus,
  cacheCensus,
  type SlabCensus,
  type CacheClassCensus,
} from './inspector';
export {
  fragmentationReport,
  classFragmentation,
  type FragmentationReport,
  type ClassFragmentation,
} from './fragmentation';
export {
  CLASS_NAMES,
  CLASS_PAYLOADS,
  NUM_CLASSES,
  HEADER_SIZE,
  LARGE_CLASS,
  MAX_SMALL_REQUEST,
  classForRequest,
  classBlockSize,
} from './sizeClasses';
