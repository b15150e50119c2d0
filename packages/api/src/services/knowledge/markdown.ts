import { findMentions, mentionPattern } from '@brobygger/domain';
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// Resources and forum posts are Markdown written by users. It is rendered with `marked` and the
// HTML is cleaned by `sanitize-html` (an allow-list of tags, attributes and URL schemes), so
// nothing written — raw HTML, scripts, event handlers, javascript: or data: links — reaches a
// page. Deep nesting is cut at `nestingLimit`; text marked cannot parse is shown as plain text.
const marked = new Marked({ gfm: true, breaks: true, async: false });

/** How deep tags may nest in rendered Markdown; deeper content is dropped. */
export const markdownNestingLimit = 24;
/** Quote and list markers nested deeper than this are flattened before parsing. */
const maxMarkerDepth = 16;

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'strong', 'em', 'b', 'i', 'ul', 'ol', 'li', 'a', 'blockquote', 'code', 'pre',
    'h2', 'h3', 'h4', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'del',
  ], // biome-ignore format: a list
  allowedAttributes: { a: ['href', 'title', 'rel'], th: ['align'], td: ['align'] },
  allowedSchemes: ['https', 'http', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  nestingLimit: markdownNestingLimit,
  transformTags: {
    h1: 'h2',
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'noopener noreferrer nofollow' },
    }),
  },
  disallowedTagsMode: 'discard',
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Collapses runs of quote markers (`> > > …`) deeper than the limit, so parsing stays shallow. */
function flattenDeepMarkers(markdown: string): string {
  const deep = new RegExp(`^((?:[ \\t]*>){${maxMarkerDepth}})(?:[ \\t]*>)+`, 'gm');
  return markdown.replace(deep, '$1');
}

export interface MentionTargets {
  resources: Map<string, string>;
  events: Map<number, string>;
}

/** Mentions (`[[viden:slug]]`, `[[arrangement:42]]`) as Markdown links to what the reader may see. */
function linkMentions(markdown: string, targets: MentionTargets | undefined): string {
  return markdown.replace(mentionPattern, (whole, kind: string, ref: string) => {
    const safe = (title: string) => title.replace(/[[\]\\]/g, (char) => `\\${char}`);
    if (kind === 'viden') {
      const title = targets?.resources.get(ref);
      return title ? `[${safe(title)}](/viden/${ref})` : whole.replace(/[[\]]/g, '');
    }
    const title = /^\d{1,9}$/.test(ref) ? targets?.events.get(Number(ref)) : undefined;
    return title ? `[${safe(title)}](/arrangementer/${ref})` : whole.replace(/[[\]]/g, '');
  });
}

export function renderKnowledgeMarkdown(markdown: string, mentions?: MentionTargets): string {
  const source = flattenDeepMarkers(linkMentions(markdown, mentions));
  let html: string;
  try {
    html = marked.parse(source) as string;
  } catch {
    // A text marked cannot take apart (pathological nesting) is shown as it was written.
    html = `<p>${escapeHtml(markdown)}</p>`;
  }
  return sanitizeHtml(html, allowed);
}

/** Plain text of Markdown, for search documents and mail. */
export function markdownToText(markdown: string): string {
  return sanitizeHtml(renderKnowledgeMarkdown(markdown), { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export { findMentions };
