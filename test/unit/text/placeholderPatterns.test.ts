import { describe, it, expect } from 'vitest';
import { placeholderPatterns } from '../../../src/text/placeholderPatterns.js';
import { OrchError } from '../../../src/errors.js';

const defaults = placeholderPatterns();
const marker = (line: string): string | null => {
  for (const { regex } of defaults) {
    const m = regex.exec(line);
    if (m) return m.groups?.marker ?? m[0];
  }
  return null;
};

describe('placeholderPatterns (built-in list)', () => {
  it.each([
    ['-- TODO: fill later', 'TODO'],
    ['# FIXME wrong type', 'FIXME'],
    ['  description: XXX', 'XXX'],
    ['summary: TBD', 'TBD'],
    ['# todo: decide the length', 'todo'],
    ['// fixme later', 'fixme'],
    ['description: Lorem ipsum dolor sit amet', 'Lorem ipsum'],
    ['description: placeholder', 'placeholder'],
    ['  <placeholder>', 'placeholder'],
    ["INSERT INTO users VALUES (1, 'mock data');", 'mock data'],
    ['-- fake users for now', 'fake users'],
    ['"dummy_value"', 'dummy_value'],
    ['  - url: https://api.example.com/v1', 'example.com'],
    ["INSERT INTO users (email) VALUES ('jane@example.org');", 'example.org'],
    ['webhook: http://hooks.example.net/x', 'example.net'],
    ["password: 'changeme'", 'changeme'],
    ['secret: CHANGE_ME', 'CHANGE_ME'],
    ['apiKey: your-api-key', 'your-api-key'],
    ['token: YOUR_TOKEN_HERE', 'YOUR_TOKEN_HERE'],
    ['key: api_key_here', 'key_here'],
    ["default '00000000-0000-0000-0000-000000000000'", '00000000-0000-0000-0000-000000000000'],
  ])('flags %j', (line, expected) => {
    expect(marker(line)).toBe(expected);
  });

  it.each([
    'type Todo {',
    'model Todo {',
    'CREATE TABLE todo_items (id int);',
    '  todo: Todo!',
    '  placeholder: String',
    '"placeholder": "Enter a name"',
    'ALTER TABLE users ADD COLUMN placeholder_text text;',
    '  example: jane@example.com',
    '"example": "https://api.example.com/orders/1"',
    'import { mockServer } from "./server"',
    'description: Mocking is not supported',
    'servers: [{ url: "https://api.orders.acme.io" }]',
    'exchange_rate numeric(12, 4) NOT NULL',
    'id uuid DEFAULT gen_random_uuid()',
    'amount numeric DEFAULT 0',
    'description: the sample of the fake-news classifier',
    'xxx_count int',
  ])('passes %j', (line) => {
    expect(marker(line)).toBeNull();
  });
});

describe('placeholderPatterns (configured)', () => {
  it('replaces the built-in list and matches case-insensitively', () => {
    const p = placeholderPatterns(['\\bwip\\b']);
    expect(p).toHaveLength(1);
    expect(p[0].regex.test('-- WIP')).toBe(true);
    expect(p[0].regex.test('-- TODO')).toBe(false);
  });

  it('throws an OrchError naming the key of an invalid pattern', () => {
    expect(() => placeholderPatterns(['ok', '(unclosed'])).toThrow(OrchError);
    expect(() => placeholderPatterns(['ok', '(unclosed'])).toThrow(/placeholders\.patterns\[1\]/);
  });
});
