import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// An event's description is Markdown written by staff. It is rendered with `marked` and the HTML
// is then cleaned by `sanitize-html` (an allow-list of tags and attributes), so nothing a writer
// puts in it — raw HTML, script, event handlers, javascript: links — reaches a page.
const marked = new Marked({ gfm: true, breaks: false, async: false });

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'strong', 'em', 'b', 'i', 'ul', 'ol', 'li', 'a', 'blockquote', 'code', 'pre',
    'h2', 'h3', 'h4', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'del',
  ], // biome-ignore format: a list
  allowedAttributes: { a: ['href', 'title', 'rel'], th: ['align'], td: ['align'] },
  allowedSchemes: ['https', 'http', 'mailto', 'tel'],
  allowProtocolRelative: false,
  // Headings in a description sit under the page's own h1: a written "# x" becomes an h2.
  transformTags: {
    h1: 'h2',
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'noopener noreferrer nofollow' },
    }),
  },
  disallowedTagsMode: 'discard',
};

export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown) as string;
  return sanitizeHtml(html, allowed);
}
