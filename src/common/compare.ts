// The one string order of the project: by UTF-16 code units, as `<` compares, so the same on
// every machine and locale (localeCompare is not). Sorts that make output bytes use it.

/** Locale-independent string order (UTF-16 code units): −1, 0 or 1. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
