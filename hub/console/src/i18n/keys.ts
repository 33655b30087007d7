// Message keys for contract values written in kebab-case: `store-manager` → `storeManager`.
export function camel(value: string): string {
  return value.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
