// Public surface of the orthotope 0.1.7 model (see allocator.ts for the mirrored API and its invariants).
export {
  createAllocator,
  asUserPtr,
  Allocator,
  type UserPtr,
  type AllocatorOptions,
  type CreateResult,
} from './orthotope/allocator';
export { AllocatorState, type AllocatorSnapshot } from './orthotope/allocatorState';
export {
  DEFAULT_CONFIG,
  deriveClassTable,
  refillCount,
  localLimit,
  drainCount,
  type AllocatorConfig,
  type ClassTable,
} from './orthotope/config';
export { validateConfig } from './orthotope/configValidation';
export { PagedArenaBytes, type ArenaBytes } from './orthotope/arena/arenaBytes';
export { DEFAULT_ADDRESSING, type Addressing, type ArenaWriteObserver } from './orthotope/arena/arenaMemory';
export {
  formatErrorForLog,
  type AllocError,
  type FreeError,
  type InitError,
  type CorruptReason,
} from './orthotope/errors';
export { AllocEventLog, EVENT_KIND, EVENT_OP, NO_CLASS } from './orthotope/events';
export {
  allocatorStats,
  threadCacheStats,
  totals,
  type AllocatorStats,
  type ThreadCacheStats,
  type SizeClassStats,
} from './views/stats';
export {
  inspectAllocator,
  slabCensus,
  cacheCensus,
  type SlabCensus,
  type CacheClassCensus,
} from './views/inspector';
export {
  fragmentationReport,
  classFragmentation,
  type FragmentationReport,
  type ClassFragmentation,
} from './views/fragmentation';
export {
  CLASS_NAMES,
  CLASS_PAYLOADS,
  NUM_CLASSES,
  HEADER_SIZE,
  LARGE_CLASS,
  MAX_SMALL_REQUEST,
  classForRequest,
  classBlockSize,
} from './orthotope/sizeClasses';
