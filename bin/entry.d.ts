// Types of entry.js (plain JavaScript: it runs before anything is compiled or loaded).
export const ROOT: string;
export const STAMP: string;
export const COMPILED_CLI: string;
export function fingerprint(root?: string): string;
export function compiledEntry(root?: string, env?: NodeJS.ProcessEnv): string | null;
