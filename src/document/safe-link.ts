// A link target from a template or a source → whether it becomes a live
// link. The one place that decides what a link may point at: the document
// stage asks it for Markdown links and source URLs alike, so renderers
// never see a `javascript:` or `file:` URL.

/** Schemes a reader may follow from a brief or a deck. */
export const liveSchemes = ['http', 'https', 'mailto'] as const;

export type LinkDecision = { live: true; url: string } | { live: false; scheme: string };

export function decideLink(raw: string): LinkDecision {
  // Browsers drop ASCII whitespace and controls anywhere in a scheme ("java\tscript:"); read it as they do.
  const compact = raw.replace(/[\u0000-\u0020\u007F-\u009F]/g, '');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(compact)?.[1]?.toLowerCase() ?? '';
  if (!(liveSchemes as readonly string[]).includes(scheme)) return { live: false, scheme };
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { live: false, scheme };
  }
  // `href` is percent-encoded: no space, quote or angle bracket reaches a PDF string or a .rels attribute.
  return url.protocol === `${scheme}:` ? { live: true, url: url.href } : { live: false, scheme };
}
