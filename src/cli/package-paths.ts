import { readFileSync } from "node:fs";
import path from "node:path";
import { PACKAGE_ROOT } from "../package-root.js";

export { PACKAGE_ROOT };

/** The bundled sample bank the README's main job runs on. */
export const SAMPLE_BANK_PATH = path.join(PACKAGE_ROOT, "corpus", "sample-bank");

/** This package's version. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;
}

