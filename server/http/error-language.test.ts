import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-app.ts';
import { declaredErrors } from './errors.ts';
import { pickLanguage } from './messages.ts';

let t: TestApp;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ cookie } = await t.signIn('admin'));
});
afterAll(() => t.close());

const send = (method: 'POST' | 'PATCH', url: string, payload: object, language?: string) =>
  t.app.inject({
    method,
    url,
    payload,
    headers: { cookie, ...(language ? { 'accept-language': language } : {}) },
  });

describe('the language of problem answers', () => {
  it('picks vi or en from Accept-Language, preferring by q, and none from other languages', () => {
    expect(pickLanguage('vi')).toBe('vi');
    expect(pickLanguage('vi-VN,vi;q=0.9,en;q=0.8')).toBe('vi');
    expect(pickLanguage('fr,en;q=0.5,vi;q=0.7')).toBe('vi');
    expect(pickLanguage('en-GB')).toBe('en');
    expect(pickLanguage('fr')).toBeNull();
    expect(pickLanguage(undefined)).toBeNull();
  });

  it('names the invalid field by its label in Vietnamese or English, the code and paths unchanged', async () => {
    const body = { nameVi: '  ', kind: 'ministry' };
    const vi = await send('POST', '/api/v1/organisations', body, 'vi');
    expect(vi.statusCode).toBe(400);
    expect(vi.json()).toMatchObject({
      code: 'validation.failed',
      title: 'Yêu cầu không hợp lệ',
      errors: [{ path: 'body.nameVi', message: 'không được để trống' }],
    });
    expect(vi.json().detail).toBe('Yêu cầu không hợp lệ. Tên tiếng Việt: không được để trống');

    const en = await send('POST', '/api/v1/organisations', body, 'en-GB,en;q=0.9');
    expect(en.json()).toMatchObject({
      code: 'validation.failed',
      errors: [{ path: 'body.nameVi', message: 'must not be empty' }],
    });
    expect(en.json().detail).toBe('The request is invalid: Name (Vietnamese): must not be empty');

    // Without Accept-Language the answer is what it always was.
    const plain = await send('POST', '/api/v1/organisations', body);
    expect(plain.json().detail).toBe('The request is invalid: body.nameVi: must not be empty');
  });

  it('says a Zod issue without a wording of its own in Vietnamese by its kind', async () => {
    const vi = await send(
      'POST',
      '/api/v1/users',
      { email: 'a@b.vn', password: 'short', role: 'boss' },
      'vi',
    );
    const byPath = Object.fromEntries(
      (vi.json().errors as Array<{ path: string; message: string }>).map((e) => [e.path, e.message]),
    );
    expect(byPath['body.password']).toMatch(/^phải có ít nhất \d+ ký tự$/);
    expect(byPath['body.role']).toBe('phải là một trong: admin, editor, unit, viewer');
    expect(vi.json().detail).toContain('Mật khẩu: phải có ít nhất');
    expect(vi.json().detail).toContain('Vai trò: phải là một trong');
  });

  it('says a version conflict and a taken e-mail in Vietnamese or English', async () => {
    const created = await send('POST', '/api/v1/organisations', {
      nameVi: 'Viện Pasteur',
      kind: 'institute',
    });
    const { id, version } = created.json();
    await send('PATCH', `/api/v1/organisations/${id}`, { version, nameEn: 'Pasteur Institute' });
    const stale = { version, nameEn: 'Institut Pasteur' };
    const vi = await send('PATCH', `/api/v1/organisations/${id}`, stale, 'vi');
    expect(vi.statusCode).toBe(409);
    expect(vi.json()).toMatchObject({
      code: 'version.conflict',
      title: 'Xung đột',
      detail: 'Bản ghi vừa được người khác thay đổi; hãy tải lại rồi sửa tiếp.',
    });
    const en = await send('PATCH', `/api/v1/organisations/${id}`, stale, 'en');
    expect(en.json()).toMatchObject({ code: 'version.conflict', title: 'Conflict' });
    expect(en.json().detail).toMatch(/changed|version/i);

    const account = { email: 'twice@moh.gov.vn', password: 'a long enough password', role: 'viewer' };
    expect((await send('POST', '/api/v1/users', account)).statusCode).toBe(201);
    const taken = await send('POST', '/api/v1/users', account, 'vi');
    expect(taken.json()).toMatchObject({
      code: 'users.email_taken',
      detail: 'Đã có tài khoản với email twice@moh.gov.vn.',
    });
    const takenEn = await send('POST', '/api/v1/users', account, 'en');
    expect(takenEn.json().detail).toBe('An account for twice@moh.gov.vn already exists.');
  });

  it('has a Vietnamese message for every error a module declares', async () => {
    const modules = new URL('../modules/', import.meta.url);
    for (const folder of readdirSync(modules)) {
      for (const file of readdirSync(new URL(`${folder}/`, modules))) {
        if (file.endsWith('.errors.ts')) await import(new URL(`${folder}/${file}`, modules).href);
      }
    }
    await import('./same-origin.ts');
    expect(declaredErrors.size).toBeGreaterThan(30);
    const withoutVietnamese = [...declaredErrors].filter(([, vi]) => !vi).map(([code]) => code);
    expect(withoutVietnamese).toEqual([]);
  });
});
