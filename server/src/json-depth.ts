/**
 * Deepest nesting of objects and arrays accepted in a request body. Every JSON the emulator stores (custom
 * event data, request bodies kept in system events, change and run metadata, property overrides, properties
 * and settings) comes from a request body, so this bounds them all: far below SQLite's JSON functions (1000
 * levels), which used to fail on every later `GET /api/events` with a payload filter. Routes keep their own,
 * tighter limits with their own messages (properties data and event data at most 100 levels).
 */
export const MAX_BODY_DEPTH = 128;

/**
 * Whether JSON text nests objects or arrays more than `max` levels deep. Reads the text itself, once and
 * without recursion, so it is safe on any body that fits the size limit and runs before anything parses it.
 * Brackets inside strings do not count; the text need not be valid JSON (the parser judges that afterwards).
 */
export function textNestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}
