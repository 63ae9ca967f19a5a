import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The folder holding package.json, whether running from src (tsx) or dist. */
export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

/** The bundled sample bank the README's main job runs on. */
export const SAMPLE_BANK_PATH = path.join(PACKAGE_ROOT, "corpus", "sample-bank");

/** This package's version. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;
}

function findPackageRoot(start: string): string {
  let folder = start;
  while (!existsSync(path.join(folder, "package.json"))) {
    const parent = path.dirname(folder);
    if (parent === folder) return start;
    folder = parent;
  }
  return folder;
}
