import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, hashPassword, randomPassword, verifyPassword } from '../../../../server/auth/passwords.js';

describe('passwords', () => {
  it('verifies the password a hash was made from, and no other', async () => {
    const hash = await hashPassword('mật khẩu bí mật');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword('mật khẩu bí mật', hash)).toBe(true);
    expect(await verifyPassword('mật khẩu bí mậT', hash)).toBe(false);
  });

  it('salts each hash', async () => {
    expect(await hashPassword('giống nhau')).not.toBe(await hashPassword('giống nhau'));
  });

  it('accepts the password typed in decomposed Unicode (some input methods) as the same password', async () => {
    const hash = await hashPassword('Phòng Nội vụ');
    expect(await verifyPassword('Pho\u0300ng Nô\u0323i vu\u0323', hash)).toBe(true);
  });

  it('matches nothing against the dummy hash or a malformed one', async () => {
    expect(await verifyPassword('', DUMMY_HASH)).toBe(false);
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$1$2')).toBe(false);
  });

  it('makes random passwords of 16 unambiguous characters', () => {
    const password = randomPassword();
    expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{16}$/);
    expect(randomPassword()).not.toBe(password);
  });
});
