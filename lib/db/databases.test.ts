import { describe, expect, it } from 'vitest';
import { assertThrowawayDatabase, databaseName, redactUrl, withDatabase } from './databases';

describe('throw-away database guard', () => {
  it('accepts a local database named for tests', () => {
    expect(() => assertThrowawayDatabase('postgresql://postgres@127.0.0.1:5432/stafett_test_abc')).not.toThrow();
    expect(() => assertThrowawayDatabase('postgresql://postgres@localhost/stafett_test_e2e_1')).not.toThrow();
  });

  it('refuses the dev database and anything not named for tests', () => {
    expect(() => assertThrowawayDatabase('postgresql://postgres@127.0.0.1:5432/stafett')).toThrow(/only databases named stafett_test_/);
    expect(() => assertThrowawayDatabase('postgresql://postgres@127.0.0.1:5432/postgres')).toThrow();
  });

  it('refuses a test-named database on another host', () => {
    expect(() => assertThrowawayDatabase('postgresql://postgres@db.example.org/stafett_test_abc')).toThrow(/this machine only/);
  });

  it('swaps the database name and hides passwords', () => {
    expect(databaseName(withDatabase('postgresql://u:secret@h:5432/a?sslmode=disable', 'b'))).toBe('b');
    expect(redactUrl('postgresql://u:secret@h:5432/a')).not.toContain('secret');
  });
});
