/** Lower-case ASCII slug: accents stripped, runs of non-alphanumerics folded to "-". */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, maxLength).replace(/-+$/g, "");
}

/** Collapse whitespace runs to one space and trim. */
export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
