// The publish width shortcut gives string-width's answer: every character it works out itself, and
// strings mixing them with the characters it leaves to string-width.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { textWidth } from '../pipeline/publish/width.ts';

describe('textWidth', () => {
  it('agrees with string-width on every character of the ranges it measures itself, and around them', () => {
    const ranges: [number, number][] = [
      [0x00, 0x7f],
      [0x2ff0, 0x3040],
      [0x4df0, 0xa010],
      [0xff00, 0xff70],
    ];
    for (const [a, b] of ranges) {
      for (let c = a; c <= b; c++) {
        const s = String.fromCharCode(c);
        expect([c.toString(16), textWidth(s)]).toEqual([c.toString(16), stringWidth(s)]);
        expect([c.toString(16), textWidth(`a${s}中`)]).toEqual([c.toString(16), stringWidth(`a${s}中`)]);
      }
    }
  });

  it('leaves graphemes it does not know to string-width: combining marks, emoji, Hangul, controls', () => {
    for (const s of ['深圳市龙岗区', '12,345', '公开率（%）', 'e\u0301', '中\u0301', '1\u20e3', '👍🏽', '한국어', 'a\tb', '\u001b[31m红\u001b[0m', '\ud800', '']) {
      expect([s, textWidth(s)]).toEqual([s, stringWidth(s)]);
    }
  });
});
