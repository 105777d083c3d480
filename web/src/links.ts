// Links from input files become hrefs only when they are http(s); anything else is shown as text.

export interface SafeLink {
  text: string;
  /** The normalised URL, or null when the link must not be clickable. */
  href: string | null;
}

export function safeLink(raw: string): SafeLink {
  const text = raw.trim();
  try {
    const u = new URL(text);
    if (u.protocol === "http:" || u.protocol === "https:") return { text, href: u.href };
  } catch {
    // not an absolute URL: shown as text
  }
  return { text, href: null };
}
