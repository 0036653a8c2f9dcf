/** The nearest folder at or above `from` holding a package.json; throws when there is none. */
export declare function findPackageRoot(from: string): string;
/** Absolute path of this package's root folder. */
export declare const PACKAGE_ROOT: string;
//# sourceMappingURL=package-root.d.ts.map