import { Marked } from 'marked';

const marked = new Marked({ gfm: true, breaks: false, async: false });
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** Markdown as the plain text a search engine indexes: no markup, entities decoded. */
export function markdownToText(markdown: string): string {
  const html = marked.parse(markdown) as string;
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => entities[name] ?? '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}
