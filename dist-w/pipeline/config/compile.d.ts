/** Thrown when the config does not compile; `message` lists each problem as file:line:column: text. */
export declare class ConfigCompileError extends Error {
    name: string;
}
/** The specifier configs import `defineConfig` from, and the module it names in this package. */
export declare const SELF_CONFIG = "daily-papers-feeds/config";
/** The cached module of `file`: `.cache/config/<name>.mjs` in the config's folder. */
export declare function compiledConfigPath(file: string): string;
/**
 * What the cached compiled module of the config `file` (absolute) was compiled from: the
 * "size:mtimeMs" of each of its files (absolute paths) and whether its value follows from them
 * alone (`static`). Null for a config that is not TypeScript or has no readable cached module.
 */
export declare function configSources(file: string): Promise<{
    inputs: Record<string, string>;
    static: boolean;
} | null>;
/**
 * The URL to `import()` the config `file` (absolute path) from: for TypeScript, the compiled
 * module (cached, see the module comment), the file itself otherwise. The URL carries the
 * file's modification time as a query, so that one process loading an edited config (tests)
 * gets the new one.
 * Throws ConfigCompileError when the TypeScript does not compile or an import cannot be resolved.
 */
export declare function configModuleUrl(file: string): Promise<string>;
//# sourceMappingURL=compile.d.ts.map