import { describe, expect, it } from 'vitest';
import { SearchAnswerCache } from './answer-cache.ts';

const answer = (total: number) => ({
  hits: [],
  facets: { type: {}, focusArea: {}, tag: {} },
  total,
  totalCapped: false,
});

describe('SearchAnswerCache', () => {
  it('answers the same search by the same readers from memory for a second, then searches again', async () => {
    let clock = 0;
    const cache = new SearchAnswerCache(1000, 10, () => clock);
    let searches = 0;
    const search = async () => answer(++searches);
    const query = { q: 'frivillige', readers: ['public'] };
    expect((await cache.get(query, search)).total).toBe(1);
    clock = 999;
    expect((await cache.get(query, search)).total).toBe(1);
    clock = 1000;
    expect((await cache.get(query, search)).total).toBe(2);
  });

  it('never gives one reader’s answer to a reader with other keys', async () => {
    const cache = new SearchAnswerCache(1000, 10, () => 0);
    await cache.get({ q: 'x', readers: ['public', 'role:staff'] }, async () => answer(7));
    const anonymous = await cache.get({ q: 'x', readers: ['public'] }, async () => answer(1));
    expect(anonymous.total).toBe(1);
    const staffAgain = await cache.get({ q: 'x', readers: ['role:staff', 'public'] }, async () => answer(99));
    expect(staffAgain.total).toBe(7);
  });

  it('keeps at most its limit, and forgets a failed search', async () => {
    const cache = new SearchAnswerCache(1000, 2, () => 0);
    for (const q of ['a', 'b', 'c']) await cache.get({ q, readers: ['public'] }, async () => answer(1));
    expect((await cache.get({ q: 'a', readers: ['public'] }, async () => answer(2))).total).toBe(2);
    await expect(
      cache.get({ q: 'z', readers: ['public'] }, async () => Promise.reject(new Error('x'))),
    ).rejects.toThrow();
    expect((await cache.get({ q: 'z', readers: ['public'] }, async () => answer(3))).total).toBe(3);
  });
});
