// `npm start`'s arguments are checked before anything is built: a mistyped flag or port stops at once
// with the list of flags, instead of being ignored after minutes of building.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

const start = (...args: string[]) => spawnSync('node', ['scripts/start.mjs', ...args], { encoding: 'utf8', timeout: 20_000 });

describe('npm start arguments', () => {
  it.each([
    [['--prot', '8080'], /unknown flag --prot .*--port N/],
    [['--port', 'abc'], /--port must be a port number.*"abc"/],
    [['--port=70000'], /--port must be a port number.*"70000"/],
    [['stray'], /unexpected argument "stray"/],
    [['--import', 'x.csv', 'extra'], /unexpected argument "extra"/],
  ])('%j is refused with a message, exit 2', (args, message) => {
    const r = start(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });
  it('known flags pass the check (and reach the next one: --import without --mapping)', () => {
    const r = start('--import', 'x.csv', '--port', '8080', '--no-serve');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--import needs --mapping/);
  });
});
