import { describe, expect, it } from 'vitest';
import { isSafeValue, sanitizeDeclarations, sanitizeStylesheet } from './svg-css.ts';

describe('CSS values in a published SVG', () => {
  it('keeps what draws', () => {
    for (const value of [
      '#fff',
      'red',
      'none',
      'url(#grad)',
      "url('#grad')",
      'url( "#a-1" )',
      'rgb(0, 0, 0)',
      'rgba(0,0,0,.5)',
      'translate(10 20) rotate(45) scale(2)',
      'matrix(1 0 0 1 0 0)',
      'calc(100% - 2px)',
      "'Open Sans', Arial, sans-serif",
      '12px',
      'drop-shadow(1px 1px 2px black)',
      '0;1;0',
      'freeze',
    ]) {
      expect(isSafeValue(value), value).toBe(true);
    }
  });

  it('refuses what loads, runs or hides', () => {
    for (const value of [
      'url(javascript:alert(1))',
      'url(https://evil.example/x.svg#a)',
      'url(data:image/svg+xml,<svg/>)',
      'url(#a) url(x)',
      'URL(//evil)',
      'url(\t"javascript:x")',
      'javascript:alert(1)',
      'JaVaScRiPt:x',
      'java\nscript:x',
      'java\tscript:x',
      'java script:x',
      'vbscript:x',
      'data:text/html,x',
      ' data :x',
      'expression(alert(1))',
      'image-set("x.png" 1x)',
      '-webkit-image-set(url(x) 1x)',
      'element(#a)',
      'src("x")',
      'attr(x url)',
      'u\\72l(x)',
      '\\75rl(x)',
      'red /* hide',
      '"unclosed',
      "it's",
      '<script>',
      'a{b}',
      'java\x01script:x',
    ]) {
      expect(isSafeValue(value), value).toBe(false);
    }
  });

  // 1 MB values: a scan that backtracked or restarted would be quadratic, and not finish inside the test's timeout.
  it('decides hostile 1 MB values', () => {
    const verdicts = [
      ['a'.repeat(1 << 20), true],
      [`url(${' '.repeat(1 << 20)}`, false],
      [`url("${' '.repeat(1 << 20)}`, false],
      ['url(#a)'.repeat(1 << 17), true],
      [`${'a '.repeat(1 << 19)}(`, false],
    ] as const;
    for (const [value, safe] of verdicts) expect(isSafeValue(value), value.slice(0, 12)).toBe(safe);
  });
});

describe('style attributes', () => {
  it('keeps presentation declarations and drops the rest', () => {
    expect(sanitizeDeclarations('fill: #fff; stroke:url(#g) ;stroke-width:2px')).toBe('fill:#fff;stroke:url(#g);stroke-width:2px');
    expect(sanitizeDeclarations('fill:red;-moz-binding:url(x.xml#a);behavior:url(x.htc);background:url(javascript:x);cursor:url(x)')).toBe('fill:red');
    expect(sanitizeDeclarations('fill:url(javascript:alert(1));stroke:red')).toBe('stroke:red');
    expect(sanitizeDeclarations('fi\\6c l:red;fill:/**/url(x)')).toBe('');
    expect(sanitizeDeclarations('font-family:"a;b";fill:blue')).toBe('fill:blue');
  });
});

describe('<style> elements', () => {
  it('rebuilds plain rules', () => {
    expect(sanitizeStylesheet('.node rect { fill: #eee; stroke: #333 }\n/* note */ text{font-family:"Trebuchet MS",sans-serif}')).toBe(
      '.node rect{fill:#eee;stroke:#333}\ntext{font-family:"Trebuchet MS",sans-serif}',
    );
    expect(sanitizeStylesheet('g > path:hover, #a[data-x="1"] { opacity: .5 }')).toBe('g > path:hover, #a[data-x="1"]{opacity:.5}');
  });

  it('drops at-rules, nested rules and their blocks, and keeps what follows', () => {
    expect(sanitizeStylesheet('@import url(javascript:alert(1)); @import "https://evil/x.css"; a{fill:red}')).toBe('a{fill:red}');
    expect(sanitizeStylesheet('@font-face{font-family:x;src:url(https://evil/f.woff)} @media screen { a { fill: blue } } b{fill:red}')).toBe('b{fill:red}');
    expect(sanitizeStylesheet('@keyframes k { from { opacity: 0 } to { opacity: 1 } } c{fill:red}')).toBe('c{fill:red}');
    expect(sanitizeStylesheet('a { b { fill: red } } c{fill:green}')).toBe('c{fill:green}');
    expect(sanitizeStylesheet('a[x="}{"]{fill:red} d{fill:red}')).toBe('d{fill:red}');
  });

  it('drops a stylesheet with escapes, markup or an unclosed comment whole', () => {
    expect(sanitizeStylesheet('a{fill:red} @\\69mport url(x);')).toBe('');
    expect(sanitizeStylesheet('a{fill:red}</style><script>alert(1)</script>')).toBe('');
    expect(sanitizeStylesheet('a{fill:red} /* b{fill:url(x)}')).toBe('');
  });

  it('drops unclosed blocks without looping', () => {
    expect(sanitizeStylesheet('a{fill:red} b{fill:blue')).toBe('a{fill:red}');
    // Half a megabyte each: rescanning from every `{` or `/*` would not finish inside the test's timeout.
    expect(sanitizeStylesheet('a{'.repeat(1 << 18))).toBe('');
    expect(sanitizeStylesheet('/*'.repeat(1 << 18))).toBe('');
    expect(sanitizeStylesheet('a{fill:red}'.repeat(1 << 16))).toBe(
      Array<string>(1 << 16)
        .fill('a{fill:red}')
        .join('\n'),
    );
  });
});
