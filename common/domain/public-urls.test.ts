import { describe, expect, it } from 'vitest';
import { publicPaths, readSluggedId, slugify } from './public-urls.ts';

const id = '36da3178-cfc3-45f4-9430-2c938c81e08e';

describe('public addresses', () => {
  it('folds Vietnamese into a readable slug', () => {
    expect(slugify('Việt Nam – Belarus: Đào tạo & nghiên cứu (2024)')).toBe(
      'viet-nam-belarus-dao-tao-nghien-cuu-2024',
    );
  });

  it('keeps slug and id within the 100 characters a route parameter may hold, cut at a word', () => {
    const title = 'Bản ghi nhớ hợp tác giữa Bộ Y tế Việt Nam và Bộ Y tế Cộng hòa Belarus trong lĩnh vực y tế';
    const path = publicPaths.agreement({ id, titleVi: title });
    const parameter = path.slice('/hiep-dinh/'.length);
    expect(parameter.length).toBeLessThanOrEqual(100);
    expect(parameter).toBe(`ban-ghi-nho-hop-tac-giua-bo-y-te-viet-nam-va-bo-y-te-cong-${id}`);
    expect(readSluggedId(parameter)).toBe(id);
  });

  it('reads the id whatever the slug, and nothing from a parameter without one', () => {
    expect(readSluggedId(`anything-${id.toUpperCase()}`)).toBe(id);
    expect(readSluggedId('no-id-here')).toBeNull();
    expect(publicPaths.partner('BY')).toBe('/doi-tac/by');
    expect(publicPaths.article({ id, title: '!!!' })).toBe(`/tin/${id}`);
  });
});
