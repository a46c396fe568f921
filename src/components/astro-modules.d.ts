/**
 * How plain `tsc` sees an `.astro` import from a `.ts` module (the entity
 * page's section registry has them): a component taking props. `astro check`
 * resolves the real file instead, with the component's own `Props`.
 */
declare module '*.astro' {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
