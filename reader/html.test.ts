import { describe, expect, it } from 'vitest';
import { htmlToText } from './html.ts';

const page = `<html><head><title>Site | Hợp tác</title><meta property="article:published_time" content="2024-10-08T17:06:00+07:00"></head>
<body><nav><a>Trang chủ</a><a>Tin tức</a></nav>
<article><h1>Hợp tác y tế Việt Nam &amp; Lào</h1>
<div class="share-box"><a>Facebook</a><a>Zalo</a></div>
<p>Chiều ngày 08/10/2024, hai bên đã ký kết Bản ghi nhớ hợp tác trong lĩnh vực y tế giữa hai Bộ.</p>
<p>Thứ trưởng phát biểu tại lễ ký, nhấn mạnh ý nghĩa của hợp tác giữa hai nước trong thời gian tới.</p>
<div class="related-news"><h3>Tin liên quan</h3><ul><li>Tin khác một</li></ul></div>
</article><footer>Bản quyền</footer></body></html>`;

describe('htmlToText', () => {
  it('keeps title, date and paragraphs and drops menus, share widgets and related news', () => {
    const text = htmlToText(page);
    expect(text.split('\n')[0]).toBe('Hợp tác y tế Việt Nam & Lào');
    expect(text).toContain('08/10/2024');
    expect(text).toContain('Bản ghi nhớ');
    expect(text).not.toContain('Trang chủ');
    expect(text).not.toContain('Zalo');
    expect(text).not.toContain('Tin khác');
    expect(text).not.toContain('Bản quyền');
  });

  it('survives broken markup', () => {
    expect(() => htmlToText('<div><p>Hai <b>bên</div></p><<>>&#xffffff;')).not.toThrow();
  });
});
