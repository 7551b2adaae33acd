import { describe, expect, it } from 'vitest';
import { areaContains, assertKnownArea, hashPassword, LoginRateLimiter, verifyPassword } from '../../src/server/auth/index.js';
import { FAST_SCRYPT } from './support.js';

describe('passwords', () => {
  it('hashes with scrypt, a random salt and the parameters, and verifies only the right password', async () => {
    const a = await hashPassword('mật khẩu đúng 123', FAST_SCRYPT);
    const b = await hashPassword('mật khẩu đúng 123', FAST_SCRYPT);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('mật khẩu đúng 123', a)).toBe(true);
    expect(await verifyPassword('mật khẩu sai 123', a)).toBe(false);
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
  });

  it('uses a memory-hard default (N = 2^15, r = 8)', async () => {
    const hash = await hashPassword('abcdefghijk');
    expect(hash.split('$').slice(1, 4)).toEqual(['32768', '8', '1']);
  });
});

describe('areaContains', () => {
  it('places communes in their district and province, and nothing else', () => {
    expect(areaContains('001', '00004')).toBe(true); // Trúc Bạch ⊂ Ba Đình
    expect(areaContains('01', '00004')).toBe(true); // ⊂ Hà Nội
    expect(areaContains('01', '002')).toBe(true);
    expect(areaContains('002', '00004')).toBe(false);
    expect(areaContains('00004', '001')).toBe(false);
    expect(areaContains('00004', '00004')).toBe(true);
    expect(areaContains(null, '79')).toBe(true);
    expect(areaContains('01', null)).toBe(false);
  });

  it('refuses codes that are not in the 2020 list', () => {
    expect(assertKnownArea('001')).toBe('district');
    expect(() => assertKnownArea('99')).toThrow(/không phải mã tỉnh/);
    expect(() => assertKnownArea('1234')).toThrow(/mã địa bàn/);
  });
});

describe('LoginRateLimiter', () => {
  it('blocks a key after the allowed failures until the window passes, and a success clears it', () => {
    const limiter = new LoginRateLimiter({ maxFailures: 3, windowMs: 60_000 });
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterMs('u@ip', 1000 + i)).toBe(0);
      limiter.recordFailure('u@ip', 1000 + i);
    }
    expect(limiter.retryAfterMs('u@ip', 2000)).toBe(60_000 - 1000);
    expect(limiter.retryAfterMs('other@ip', 2000)).toBe(0);
    expect(limiter.retryAfterMs('u@ip', 61_001)).toBe(0);
    limiter.recordFailure('v@ip', 0);
    limiter.recordSuccess('v@ip');
    expect(limiter.retryAfterMs('v@ip', 1)).toBe(0);
  });
});
