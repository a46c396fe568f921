/**
 * Syntax highlighting with shiki, emitting Pygments' short token classes
 * (`k`, `s`, `nf`, `c`, …) instead of inline colours: the sanitizer removes
 * every `style` attribute, and Material/TechDocs CSS already colours these
 * classes. `code-theme.css` beside this file gives them light and dark
 * colours (GitHub's palettes).
 *
 * The trick: a generated theme whose "colours" are class numbers
 * (`#000003` = `k`), so vscode-textmate's own scope matching decides the
 * class at normal tokenizing speed. One highlighter per process; grammars
 * are loaded on first use.
 */
import { bundledLanguagesInfo, createHighlighter, type GrammarState, type HighlighterGeneric, type ThemedToken } from 'shiki';

/** TextMate scope selectors → Pygments class. More specific selectors win, as in any theme. */
const SCOPE_CLASSES: [string[], string][] = [
  [['comment', 'punctuation.definition.comment', 'string.comment'], 'c'],
  [['string', 'punctuation.definition.string', 'string.quoted', 'markup.inline.raw', 'markup.fenced_code'], 's'],
  [['string.regexp'], 'sr'],
  [['constant.character.escape', 'constant.other.placeholder', 'constant.character.format'], 'se'],
  [['punctuation.section.embedded', 'punctuation.definition.template-expression', 'meta.template.expression'], 'si'],
  [['constant.numeric'], 'm'],
  [['constant.language'], 'kc'],
  [['constant.other', 'variable.other.constant', 'support.constant', 'variable.other.enummember', 'constant.other.symbol'], 'no'],
  [['keyword', 'storage.modifier', 'keyword.control'], 'k'],
  [['storage', 'storage.type'], 'kd'],
  [['support.type.primitive', 'support.type.builtin', 'keyword.type', 'storage.type.primitive', 'storage.type.built-in'], 'kt'],
  [
    [
      'keyword.control.import',
      'keyword.control.from',
      'keyword.control.export',
      'keyword.other.import',
      'keyword.other.package',
      'keyword.control.directive.include',
    ],
    'kn',
  ],
  [['keyword.operator', 'punctuation.separator.key-value', 'punctuation.accessor'], 'o'],
  [['keyword.operator.logical.python', 'keyword.operator.word', 'keyword.operator.new', 'keyword.operator.expression', 'keyword.operator.in'], 'ow'],
  [['entity.name.function', 'support.function', 'meta.function-call.generic', 'variable.function', 'entity.name.command'], 'nf'],
  [['support.function.builtin', 'support.function.builtin.shell', 'support.function.builtin.python'], 'nb'],
  [['entity.name.type', 'entity.name.class', 'support.class', 'support.type', 'entity.other.inherited-class'], 'nc'],
  [['entity.name.namespace', 'entity.name.type.namespace', 'entity.name.package', 'entity.name.type.package'], 'nn'],
  [['entity.name.tag', 'support.type.property-name', 'entity.name.label'], 'nt'],
  [['entity.other.attribute-name', 'meta.attribute-selector'], 'na'],
  [
    [
      'variable.other.normal',
      'variable.other.special',
      'variable.other.positional',
      'variable.other.bracket',
      'punctuation.definition.variable',
      'variable.other.env',
      'variable.parameter',
    ],
    'nv',
  ],
  [['variable.language'], 'bp'],
  [['entity.name.decorator', 'meta.decorator', 'punctuation.decorator', 'entity.name.function.decorator', 'storage.type.annotation'], 'nd'],
  [['meta.preprocessor', 'keyword.control.directive', 'punctuation.definition.directive'], 'cp'],
  [['punctuation'], 'p'],
  [['markup.heading', 'entity.name.section', 'meta.diff.header'], 'gh'],
  [['markup.bold'], 'gs'],
  [['markup.italic'], 'ge'],
  [['markup.inserted', 'punctuation.definition.inserted'], 'gi'],
  [['markup.deleted', 'punctuation.definition.deleted'], 'gd'],
  [['meta.diff.range', 'markup.changed'], 'gu'],
  [['invalid', 'invalid.illegal'], 'err'],
];

const colorOf = (index: number) => `#${(index + 1).toString(16).padStart(6, '0')}`;
const CLASS_BY_COLOR = new Map(SCOPE_CLASSES.map(([, cls], i) => [colorOf(i), cls]));
const THEME = 'frontdoor-pygments-classes';
const theme = {
  name: THEME,
  type: 'light' as const,
  fg: '#000000',
  bg: '#ffffff',
  tokenColors: SCOPE_CLASSES.map(([scope], i) => ({ scope, settings: { foreground: colorOf(i) } })),
};

/** Language names (and aliases) shiki can load, lower-cased → canonical id. */
const KNOWN = new Map<string, string>();
for (const info of bundledLanguagesInfo) {
  KNOWN.set(info.id, info.id);
  for (const alias of info.aliases ?? []) KNOWN.set(alias, info.id);
}
for (const [alias, id] of Object.entries({ console: 'shellsession', sh: 'shellscript', properties: 'ini', py3: 'python', conf: 'ini' })) {
  if (KNOWN.has(id) && !KNOWN.has(alias)) KNOWN.set(alias, id);
}

let highlighter: Promise<HighlighterGeneric<string, string>> | undefined;
let ready: HighlighterGeneric<string, string> | undefined;
const failed = new Set<string>();

export interface Token {
  content: string;
  className?: string;
}

/** The canonical shiki language for an author's fence language, or undefined (plain text). */
export function resolveLanguage(lang: string | undefined): string | undefined {
  if (!lang) return undefined;
  const id = KNOWN.get(lang.toLowerCase());
  return id && !failed.has(id) ? id : undefined;
}

/** Load the grammars a page needs; languages that fail to load are remembered and shown plain. */
export async function loadLanguages(langs: Iterable<string>): Promise<void> {
  highlighter ??= createHighlighter({ themes: [theme], langs: [] }) as Promise<HighlighterGeneric<string, string>>;
  const hl = (ready = await highlighter);
  const loaded = new Set(hl.getLoadedLanguages());
  for (const id of new Set(langs)) {
    if (loaded.has(id) || failed.has(id)) continue;
    try {
      await hl.loadLanguage(id);
    } catch {
      failed.add(id);
    }
  }
}

/** Lines tokenized per call: between calls `checkpoint` may stop a page that ran out of time. */
const CHUNK_LINES = 16;

/**
 * Tokens per line, or undefined when the language is not loaded (call
 * `loadLanguages` first). Long code is tokenized a few lines at a time,
 * each call resuming from the grammar state the last one ended in (the
 * tokens are the same as in one call), and `checkpoint` runs between calls:
 * it may throw to stop, and that is the only way this is ever stopped, since
 * cutting oniguruma's WebAssembly short could leave its heap broken for
 * every later page.
 */
export function tokenize(code: string, lang: string, checkpoint: () => void = () => {}): Token[][] | undefined {
  const hl = ready;
  if (!hl || failed.has(lang) || !hl.getLoadedLanguages().includes(lang)) return undefined;
  const lines = code.split('\n');
  const out: Token[][] = [];
  let grammarState: GrammarState | undefined;
  for (let from = 0; from < lines.length; from += CHUNK_LINES) {
    if (from > 0) checkpoint();
    const chunk = lines.slice(from, from + CHUNK_LINES).join('\n');
    let tokens: ThemedToken[][];
    try {
      tokens = hl.codeToTokensBase(chunk, {
        lang,
        theme: THEME,
        tokenizeMaxLineLength: 5000,
        tokenizeTimeLimit: 500,
        ...(grammarState ? { grammarState } : {}),
      });
      grammarState = hl.getLastGrammarState(tokens);
    } catch {
      return undefined;
    }
    for (const line of tokens) {
      out.push(
        line.map((t) => {
          const cls = t.color ? CLASS_BY_COLOR.get(t.color.toLowerCase()) : undefined;
          return cls ? { content: t.content, className: cls } : { content: t.content };
        }),
      );
    }
  }
  return out;
}
