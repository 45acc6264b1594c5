// "Acme Notes!" → "acme-notes": lowercase letters, digits and dashes, at most `maxLength` characters.
// Workspace addresses (lib/workspaces.ts) and the product's Worker and D1 names (scripts/rename.mjs,
// which Node runs as it is: no imports here) both come from it.
export const slugify = (name: string, maxLength: number): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '')
