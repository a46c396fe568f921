/** ${{ values.description }} */
export function hello(name: string): string {
  return `Hello, ${name}, from @fernway/${{ values.name }}`;
}
