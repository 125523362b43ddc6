// Saved news pages to text: the article body with its title and date line on top, in the same
// layout as a pasted article, so one cleaning step serves both. Menus, share widgets and
// related-news blocks are removed by tag and by class/id before the text is taken.
import { type HTMLElement, NodeType, parse } from 'node-html-parser';

const droppedTags = new Set([
  'script',
  'style',
  'noscript',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'iframe',
  'svg',
  'button',
  'select',
  'template',
  'object',
  'embed',
  'video',
  'audio',
  'canvas',
  'input',
  'textarea',
  'menu',
  'head',
]);
const blockTags = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'tr',
  'table',
  'figure',
  'figcaption',
  'blockquote',
  'pre',
  'dd',
  'dt',
  'dl',
  'br',
  'hr',
  'td',
  'th',
  'address',
  'center',
]);
const furnitureClass =
  /(?:^|[\s_-])(?:share|sharing|social|related|relate|menu|nav|navbar|breadcrumbs?|comments?|footer|header|sidebar|banner|adv|ads|advert|advertisement|tags?|subscribe|newsletter|popup|modal|cookie|toolbar|widget|latest|most-?read|hot-?news|other-?news|tin-?lien-?quan|tinlienquan|box-?news|print|rating)(?:$|[\s_-])/i;
const bodySelectors = [
  '[itemprop=articleBody]',
  'article',
  '.detail-content',
  '.article-content',
  '.article-body',
  '.content-detail',
  '.post-content',
  '.entry-content',
  'main',
  '#content',
  '.content',
];
const maxNodes = 400_000;

export function htmlToText(html: string): string {
  try {
    const root = parse(html, {
      comment: false,
      blockTextElements: { script: false, style: false, pre: true },
    });
    const title = pickTitle(root);
    const published = pickPublished(root);
    removeFurniture(root);
    const body = pickBody(root);
    const lines: string[] = [];
    collectText(body, lines, { count: 0 });
    const bodyText = lines
      .join('')
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter((line, i, all) => line !== '' || (i > 0 && all[i - 1] !== ''))
      .join('\n')
      .trim();
    const bodyLines = bodyText.split('\n');
    if (title && bodyLines[0]?.trim() === title) bodyLines.shift();
    return [title ?? '', published ?? '', '', bodyLines.join('\n').trim()].join('\n').trim();
  } catch {
    return html.replace(/<[^>]{0,2000}>/g, ' ').replace(/[ \t]+/g, ' ');
  }
}

function pickTitle(root: HTMLElement): string | null {
  const h1 = root.querySelector('h1');
  const text = h1?.textContent ?? root.querySelector('meta[property=og:title]')?.getAttribute('content');
  const fallback = root.querySelector('title')?.textContent;
  const title = decode(text ?? fallback ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return title || null;
}

function pickPublished(root: HTMLElement): string | null {
  const meta =
    root.querySelector('meta[property=article:published_time]')?.getAttribute('content') ??
    root.querySelector('meta[itemprop=datePublished]')?.getAttribute('content') ??
    root.querySelector('time[datetime]')?.getAttribute('datetime');
  const match = meta ? /(\d{4})-(\d{2})-(\d{2})/.exec(meta) : null;
  return match ? `${match[3]}/${match[2]}/${match[1]}` : null;
}

function removeFurniture(root: HTMLElement): void {
  for (const element of root.querySelectorAll('*')) {
    const tag = element.rawTagName?.toLowerCase() ?? '';
    const marker = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''} ${element.getAttribute('role') ?? ''}`;
    if (droppedTags.has(tag) || (tag !== 'body' && tag !== 'html' && furnitureClass.test(marker)))
      element.remove();
  }
}

function pickBody(root: HTMLElement): HTMLElement {
  for (const selector of bodySelectors) {
    const found = root.querySelector(selector);
    if (found && (found.textContent ?? '').trim().length > 200) return found;
  }
  return root.querySelector('body') ?? root;
}

function collectText(node: HTMLElement, out: string[], budget: { count: number }): void {
  for (const child of node.childNodes) {
    if (++budget.count > maxNodes) return;
    if (child.nodeType === NodeType.TEXT_NODE) {
      out.push(decode(child.rawText));
    } else if (child.nodeType === NodeType.ELEMENT_NODE) {
      const element = child as HTMLElement;
      const tag = element.rawTagName?.toLowerCase() ?? '';
      const isBlock = blockTags.has(tag);
      if (isBlock) out.push('\n');
      collectText(element, out, budget);
      if (isBlock) out.push('\n');
    }
  }
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
    }
    return entities[name.toLowerCase()] ?? whole;
  });
}
