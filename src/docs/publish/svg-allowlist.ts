/**
 * What a published SVG may contain: the elements and attributes that draw a
 * picture, and nothing that runs, loads or links. Names are as XML spells them
 * (the parser restores SVG's camelCase), and a name not listed here is dropped.
 *
 * Left out on purpose: `script`, `foreignObject` (HTML inside SVG), `image` and
 * `feImage` (they load URLs, `data:` SVG included), `a` (a link on the portal's
 * origin; its children are kept), `iframe`, `handler`, `listener`, `metadata`
 * (arbitrary XML), `animateMotion`/`mpath`, fonts and `cursor` (they load URLs),
 * every `on…` attribute, `xmlns:*` (the output declares its one namespace).
 */

/** Elements kept, with their attributes filtered. */
export const SVG_ELEMENTS: ReadonlySet<string> = new Set([
  'svg',
  'g',
  'defs',
  'symbol',
  'use',
  'switch',
  'title',
  'desc',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'text',
  'tspan',
  'textPath',
  'linearGradient',
  'radialGradient',
  'stop',
  'pattern',
  'clipPath',
  'mask',
  'marker',
  'filter',
  'feBlend',
  'feColorMatrix',
  'feComponentTransfer',
  'feFuncR',
  'feFuncG',
  'feFuncB',
  'feFuncA',
  'feComposite',
  'feConvolveMatrix',
  'feDiffuseLighting',
  'feDisplacementMap',
  'feDistantLight',
  'fePointLight',
  'feSpotLight',
  'feDropShadow',
  'feFlood',
  'feGaussianBlur',
  'feMerge',
  'feMergeNode',
  'feMorphology',
  'feOffset',
  'feSpecularLighting',
  'feTile',
  'feTurbulence',
  // Rebuilt from its parsed rules (svg-css.ts), never copied.
  'style',
  // Kept only when they animate a presentation attribute (ANIMATABLE): animating `href` is a classic way to inject a javascript: link.
  'animate',
  'animateTransform',
  'set',
]);

/** Elements replaced by their children: their own job (a link) is not published, what they show is. */
export const UNWRAPPED_ELEMENTS: ReadonlySet<string> = new Set(['a']);

/** Elements whose text is content (other text in SVG is not drawn and is dropped). */
export const TEXT_ELEMENTS: ReadonlySet<string> = new Set(['text', 'tspan', 'textPath', 'title', 'desc', 'style']);

const ANIMATION_ELEMENTS: ReadonlySet<string> = new Set(['animate', 'animateTransform', 'set']);

/** Presentation properties: attributes in SVG, declarations in CSS. */
export const PRESENTATION: ReadonlySet<string> = new Set([
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'stroke-dasharray',
  'stroke-dashoffset',
  'opacity',
  'color',
  'display',
  'visibility',
  'clip-path',
  'clip-rule',
  'mask',
  'filter',
  'marker-start',
  'marker-mid',
  'marker-end',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'font-variant',
  'font-stretch',
  'text-anchor',
  'dominant-baseline',
  'alignment-baseline',
  'baseline-shift',
  'text-decoration',
  'letter-spacing',
  'word-spacing',
  'writing-mode',
  'direction',
  'unicode-bidi',
  'stop-color',
  'stop-opacity',
  'color-interpolation',
  'color-interpolation-filters',
  'flood-color',
  'flood-opacity',
  'lighting-color',
  'shape-rendering',
  'text-rendering',
  'image-rendering',
  'vector-effect',
  'paint-order',
  'overflow',
  'transform-origin',
]);

/** Attributes kept on any kept element (values still checked: see svg-sanitize.ts). */
export const SVG_ATTRIBUTES: ReadonlySet<string> = new Set([
  ...PRESENTATION,
  'id',
  'class',
  'style',
  'transform',
  'xml:space',
  // Geometry and layout.
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'fx',
  'fy',
  'fr',
  'width',
  'height',
  'd',
  'points',
  'pathLength',
  'viewBox',
  'preserveAspectRatio',
  'dx',
  'dy',
  'rotate',
  'textLength',
  'lengthAdjust',
  'startOffset',
  'method',
  'spacing',
  'side',
  'offset',
  // Paint servers, clips, masks, markers.
  'gradientUnits',
  'gradientTransform',
  'spreadMethod',
  'patternUnits',
  'patternContentUnits',
  'patternTransform',
  'clipPathUnits',
  'maskUnits',
  'maskContentUnits',
  'markerUnits',
  'markerWidth',
  'markerHeight',
  'refX',
  'refY',
  'orient',
  // Filter primitives.
  'filterUnits',
  'primitiveUnits',
  'in',
  'in2',
  'result',
  'stdDeviation',
  'edgeMode',
  'mode',
  'operator',
  'k1',
  'k2',
  'k3',
  'k4',
  'values',
  'type',
  'scale',
  'xChannelSelector',
  'yChannelSelector',
  'baseFrequency',
  'numOctaves',
  'seed',
  'stitchTiles',
  'radius',
  'kernelMatrix',
  'order',
  'divisor',
  'bias',
  'targetX',
  'targetY',
  'preserveAlpha',
  'surfaceScale',
  'diffuseConstant',
  'specularConstant',
  'specularExponent',
  'azimuth',
  'elevation',
  'pointsAtX',
  'pointsAtY',
  'pointsAtZ',
  'limitingConeAngle',
  'tableValues',
  'amplitude',
  'exponent',
  'intercept',
  'slope',
  // Conditional processing for <switch>; requiredExtensions is left out (its values are URLs).
  'systemLanguage',
  'requiredFeatures',
  // Animation timing and values (the target attribute is checked separately).
  'attributeName',
  'from',
  'to',
  'by',
  'keyTimes',
  'keySplines',
  'calcMode',
  'dur',
  'begin',
  'end',
  'repeatCount',
  'repeatDur',
  'additive',
  'accumulate',
  'restart',
  'min',
  'max',
  // Internal references only (`#id`): see isFragmentHref.
  'href',
  'xlink:href',
]);

/** Attributes an <animate>/<set>/<animateTransform> may change: drawing, never links, classes or styles. */
const ANIMATABLE: ReadonlySet<string> = new Set([
  ...PRESENTATION,
  'transform',
  'gradientTransform',
  'patternTransform',
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'width',
  'height',
  'd',
  'points',
  'offset',
  'startOffset',
  'stdDeviation',
  'dx',
  'dy',
]);

const ELEMENT_BY_LOWERCASE = new Map([...SVG_ELEMENTS].map((name) => [name.toLowerCase(), name]));

/**
 * The kept element a parsed tag name stands for, in SVG's spelling; undefined if
 * it is not kept. The HTML parser lowercases names it has no SVG spelling for
 * (`feDropShadow` is newer than its table), so the match ignores case.
 */
export function keptElementName(tagName: string): string | undefined {
  return ELEMENT_BY_LOWERCASE.get(tagName.toLowerCase());
}

/** An attribute kept on this (kept) element: listed, and `attributeName` only where it means something. */
export function isKeptAttribute(tagName: string, name: string): boolean {
  return SVG_ATTRIBUTES.has(name) && (name !== 'attributeName' || ANIMATION_ELEMENTS.has(tagName));
}

/** An animation element that may stay: it names its target attribute, and that attribute only draws. */
export function isAllowedAnimation(tagName: string, attributeName: string | undefined): boolean {
  if (!ANIMATION_ELEMENTS.has(tagName)) return true;
  return attributeName !== undefined && ANIMATABLE.has(attributeName.trim());
}
