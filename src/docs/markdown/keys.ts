/**
 * pymdownx.keys: `++ctrl+alt+del++` → `<span class="keys"><kbd
 * class="key-control">Ctrl</kbd><span>+</span>…</span>`; `++"text"++` is
 * typed input. As in pymdownx, one unknown key name leaves the whole text
 * alone. The key names are the common part of pymdownx's `keymap_db.py`.
 */
import type { PhrasingContent } from 'mdast';
import { fdInline, text } from './mdast-nodes.ts';

const NAMED: Record<string, string> = {
  space: 'Space',
  backspace: 'Backspace',
  delete: 'Del',
  insert: 'Ins',
  tab: 'Tab',
  enter: 'Enter',
  escape: 'Esc',
  'caps-lock': 'Caps Lock',
  'print-screen': 'Print Screen',
  'scroll-lock': 'Scroll Lock',
  break: 'Break',
  clear: 'Clear',
  help: 'Help',
  eject: 'Eject',
  'arrow-up': 'Up',
  'arrow-down': 'Down',
  'arrow-left': 'Left',
  'arrow-right': 'Right',
  'page-up': 'Page Up',
  'page-down': 'Page Down',
  home: 'Home',
  end: 'End',
  alt: 'Alt',
  command: 'Cmd',
  control: 'Ctrl',
  function: 'Fn',
  meta: 'Meta',
  option: 'Option',
  shift: 'Shift',
  windows: 'Win',
  'left-alt': 'Left Alt',
  'right-alt': 'Right Alt',
  'left-control': 'Left Ctrl',
  'right-control': 'Right Ctrl',
  'left-shift': 'Left Shift',
  'right-shift': 'Right Shift',
  'left-windows': 'Left Win',
  'right-windows': 'Right Win',
  backslash: '\\',
  bar: '|',
  'brace-left': '{',
  'brace-right': '}',
  'bracket-left': '[',
  'bracket-right': ']',
  colon: ':',
  comma: ',',
  'double-quote': '"',
  equal: '=',
  exclam: '!',
  grave: '`',
  greater: '>',
  less: '<',
  minus: '-',
  period: '.',
  plus: '+',
  question: '?',
  semicolon: ';',
  'single-quote': "'",
  slash: '/',
  tilde: '~',
  underscore: '_',
  'context-menu': 'Context Menu',
  copy: 'Copy',
  print: 'Print',
  'left-button': 'Left Button',
  'right-button': 'Right Button',
  'middle-button': 'Middle Button',
  'volume-up': 'Volume Up',
  'volume-down': 'Volume Down',
  'volume-mute': 'Mute',
};

const ALIASES: Record<string, string> = {
  ctrl: 'control',
  cmd: 'command',
  del: 'delete',
  ins: 'insert',
  esc: 'escape',
  return: 'enter',
  win: 'windows',
  opt: 'option',
  fn: 'function',
  up: 'arrow-up',
  down: 'arrow-down',
  left: 'arrow-left',
  right: 'arrow-right',
  dn: 'arrow-down',
  pgup: 'page-up',
  pgdn: 'page-down',
  'page-dn': 'page-down',
  bksp: 'backspace',
  back: 'backspace',
  spc: 'space',
  menu: 'alt',
  lalt: 'left-alt',
  ralt: 'right-alt',
  lctrl: 'left-control',
  rctrl: 'right-control',
  lshift: 'left-shift',
  rshift: 'right-shift',
  lwin: 'left-windows',
  rwin: 'right-windows',
  'left-ctrl': 'left-control',
  'right-ctrl': 'right-control',
  tabulator: 'tab',
  prtsc: 'print-screen',
  printscreen: 'print-screen',
  cplk: 'caps-lock',
  capital: 'caps-lock',
  apps: 'context-menu',
  hyphen: 'minus',
  lt: 'less',
  gt: 'greater',
  'less-than': 'less',
  'greater-than': 'greater',
  'question-mark': 'question',
  exclamation: 'exclam',
  dblquote: 'double-quote',
  'grave-accent': 'grave',
  mute: 'volume-mute',
};

export const KEYS_PATTERN = /\+\+((?:(?:[\w-]+|"(?:\\.|[^"])+"|'(?:\\.|[^'])+')\+)*?(?:[\w-]+|"(?:\\.|[^"])+"|'(?:\\.|[^'])+'))\+\+/g;

/** The `<span class="keys">` for the inside of `++…++`, or false to leave the text alone. */
export function renderKeys(_match: string, inner: string): PhrasingContent | false {
  const parts = inner.match(/"(?:\\.|[^"])+"|'(?:\\.|[^'])+'|[^+]+/g) ?? [];
  const keys: { name: string; className?: string }[] = [];
  for (const part of parts) {
    if (part.startsWith('"') || part.startsWith("'")) {
      keys.push({ name: part.slice(1, -1).replace(/\\(.)/g, '$1').trim() });
      continue;
    }
    const canonical = own(ALIASES, part) ?? part;
    const name = own(NAMED, canonical) ?? single(canonical);
    if (!name) return false;
    keys.push({ name, className: `key-${canonical}` });
  }
  const children: PhrasingContent[] = [];
  keys.forEach((key, index) => {
    if (index > 0) children.push(fdInline('span', {}, [text('+')]));
    children.push(fdInline('kbd', key.className ? { className: [key.className] } : {}, [text(key.name)]));
  });
  return fdInline('span', { className: ['keys'] }, children);
}

/** Letters, digits, F1–F24 and numpad digits need no table. */
function single(key: string): string | undefined {
  if (/^[a-z0-9]$/.test(key)) return key.toUpperCase();
  if (/^f([1-9]|1\d|2[0-4])$/.test(key)) return key.toUpperCase();
  if (/^num[0-9]$/.test(key)) return `Num ${key.slice(3)}`;
  return undefined;
}

function own(table: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
