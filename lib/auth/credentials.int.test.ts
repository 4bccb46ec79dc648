import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createUser } from '@/lib/db/users';
import { authorizeCredentials } from './credentials';
import { hashPassword } from './password';
import { SignInLockedError } from './sign-in-throttle';

const PASSWORD = 'rätt-lösenord-123';
const start = new Date('2030-01-01T08:00:00Z');
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

function unique(label: string) {
  const id = randomUUID().slice(0, 8);
  return { email: `${label}-${id}@auth.test`, ip: `10.${id.charCodeAt(0)}.${id.charCodeAt(1)}.${id.charCodeAt(2)}-${id}` };
}

async function makeUser(email: string, opts: { disabled?: boolean } = {}) {
  const user = await createUser({ email, name: 'Testperson', passwordHash: await hashPassword(PASSWORD) });
  if (opts.disabled) await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
  return user;
}

/** Signs in at a fixed instant: the injected clock is what makes lock-out testable without sleeping. */
const attempt = (email: string, password: string, ip: string, at: Date) =>
  authorizeCredentials({ email, password }, { ip, now: () => at });

describe('authorizeCredentials', () => {
  it('accepts the right password (email in any case) and records the attempt', async () => {
    const { email, ip } = unique('right');
    const user = await makeUser(email);
    const result = await attempt(email.toUpperCase(), PASSWORD, ip, minutes(0));
    expect(result).toEqual({ id: user.id, email, name: 'Testperson' });
    const rows = await db.loginAttempt.findMany({ where: { email } });
    expect(rows).toMatchObject([{ ip, succeeded: true }]);
  });

  it('refuses a wrong password, an unknown email and a disabled account alike', async () => {
    const { email, ip } = unique('wrong');
    await makeUser(email);
    expect(await attempt(email, 'fel', ip, minutes(0))).toBeNull();
    expect(await attempt(`nobody-${email}`, PASSWORD, ip, minutes(0))).toBeNull();
    const disabled = unique('disabled');
    await makeUser(disabled.email, { disabled: true });
    expect(await attempt(disabled.email, PASSWORD, disabled.ip, minutes(0))).toBeNull();
    expect(await db.loginAttempt.count({ where: { email, succeeded: false } })).toBe(1);
  });

  it('locks the account after 5 failures, even for the right password, until the window passes', async () => {
    const { email, ip } = unique('lock');
    await makeUser(email);
    for (let i = 0; i < 5; i++) expect(await attempt(email, 'fel', ip, minutes(i))).toBeNull();

    const locked = attempt(email, PASSWORD, ip, minutes(5));
    await expect(locked).rejects.toBeInstanceOf(SignInLockedError);
    await expect(locked).rejects.toMatchObject({ retryAt: minutes(15), minutes: 10, message: 'SignInLocked:10' });
    // Still locked a moment before the first failure leaves the 15-minute window.
    await expect(attempt(email, PASSWORD, ip, new Date(minutes(15).getTime() - 1000))).rejects.toBeInstanceOf(SignInLockedError);
    // The refused attempts were recorded too.
    expect(await db.loginAttempt.count({ where: { email } })).toBe(7);

    // Once the window has passed enough failures, the right password works again.
    expect(await attempt(email, PASSWORD, ip, minutes(20))).toMatchObject({ email });
  });

  it('a success resets the account count', async () => {
    const { email, ip } = unique('reset');
    await makeUser(email);
    for (let i = 0; i < 4; i++) await attempt(email, 'fel', ip, minutes(i));
    expect(await attempt(email, PASSWORD, ip, minutes(4))).not.toBeNull();
    for (let i = 5; i < 9; i++) expect(await attempt(email, 'fel', ip, minutes(i))).toBeNull();
    expect(await attempt(email, PASSWORD, ip, minutes(9))).not.toBeNull();
  });

  it('locks an address after 20 failures across accounts, without locking the accounts elsewhere', async () => {
    const { email, ip } = unique('ip');
    await makeUser(email);
    for (let i = 0; i < 20; i++) {
      expect(await attempt(`guess-${i}-${email}`, 'fel', ip, minutes(i / 10))).toBeNull();
    }
    await expect(attempt(email, PASSWORD, ip, minutes(3))).rejects.toMatchObject({ retryAt: minutes(15) });
    // The same account from another address is fine: the lock is on the address.
    expect(await attempt(email, PASSWORD, `${ip}-other`, minutes(3))).not.toBeNull();
    expect(await attempt(email, PASSWORD, ip, minutes(16))).not.toBeNull();
  });
});
