import { describe, expect, it } from 'vitest';
import { useColor } from '../../../src/report/useColor.js';

const tty = { isTTY: true };
const pipe = { isTTY: false };
const unknown = {};

describe('useColor', () => {
  it('colours a TTY and nothing else by default', () => {
    expect(useColor(tty, {})).toBe(true);
    expect(useColor(pipe, {})).toBe(false);
    expect(useColor(unknown, {})).toBe(false);
  });

  it('turns colour off for any non-empty NO_COLOR, even on a TTY and even when forced', () => {
    for (const v of ['1', '0', 'false', 'yes']) {
      expect(useColor(tty, { NO_COLOR: v })).toBe(false);
      expect(useColor(tty, { NO_COLOR: v, FORCE_COLOR: '1' })).toBe(false);
    }
  });

  it('ignores an empty NO_COLOR', () => {
    expect(useColor(tty, { NO_COLOR: '' })).toBe(true);
    expect(useColor(pipe, { NO_COLOR: '', FORCE_COLOR: '1' })).toBe(true);
  });

  it('FORCE_COLOR enables colour off a TTY unless it is 0 or false', () => {
    for (const v of ['1', '2', '3', 'true', '']) expect(useColor(pipe, { FORCE_COLOR: v })).toBe(true);
    for (const v of ['0', 'false', 'FALSE']) {
      expect(useColor(pipe, { FORCE_COLOR: v })).toBe(false);
      expect(useColor(tty, { FORCE_COLOR: v })).toBe(false);
    }
  });

  it('treats a dumb terminal as no colour unless forced', () => {
    expect(useColor(tty, { TERM: 'dumb' })).toBe(false);
    expect(useColor(tty, { TERM: 'dumb', FORCE_COLOR: '1' })).toBe(true);
    expect(useColor(tty, { TERM: 'xterm-256color' })).toBe(true);
  });
});
