import { describe, expect, it } from 'vitest'

import { hashPassword, PBKDF2_ITERATIONS, verifyPassword } from '@/lib/auth/password'

describe('PBKDF2 password hashes', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery staple')
    expect(hash).toMatch(new RegExp(`^pbkdf2-sha256\\$${PBKDF2_ITERATIONS}\\$[\\w-]{22}\\$[\\w-]{43}$`))
    expect(await verifyPassword({ hash, password: 'correct horse battery staple' })).toBe(true)
    expect(await verifyPassword({ hash, password: 'correct horse battery stapler' })).toBe(false)
  })

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'))
  })

  it('refuses malformed or foreign hashes instead of throwing', async () => {
    for (const hash of [
      '',
      'plain',
      'scrypt$1$a$b',
      'pbkdf2-sha256$abc$a$b',
      'pbkdf2-sha256$999999999$a$b',
      'pbkdf2-sha256$1000$a',
    ]) {
      expect(await verifyPassword({ hash, password: 'x' })).toBe(false)
    }
  })
})
