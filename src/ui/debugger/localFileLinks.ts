// Links to a session opened from local files (issue 22: an own `my.mtrace` stepped to t=4 gave `?t=4`,
// which reopened the default example at t=4 without a word). The URL now names the file (`file=`); a
// small script travels in the URL itself (`script=`, up to MAX_URL_SCRIPT bytes), so the link restores
// it; any other file (an ELF, a large script, an allocator trace) cannot be in a URL: the page opening
// such a link says which file it needs and offers to open it, then goes to the link's timestamp.
import type { Loaded } from './storeTypes';

/** Scripts up to this many bytes are carried in the URL (browsers limit a URL's length; inputs get 32 KB). */
export const MAX_URL_SCRIPT = 4096;

/** A program the link was made for, opened from a local file: waiting for the user to open it again. */
export interface AwaitedFile {
  name: string;
  /** The timestamp the link shows, applied once the file is opened. */
  t?: number;
}

/** The script text to carry in the URL for a program opened from a local file, if it is small enough. */
export function scriptForUrl(loaded: Loaded): string | undefined {
  if (loaded.isExample || loaded.kind !== 'mtrace' || loaded.bytes.length > MAX_URL_SCRIPT) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(loaded.bytes);
  } catch {
    return undefined;
  }
}

/** True when `name` is the program the link asked for (the browser gives only the file's base name). */
export function isAwaited(awaited: AwaitedFile | undefined, name: string | undefined): boolean {
  return awaited !== undefined && name !== undefined && awaited.name === name;
}
