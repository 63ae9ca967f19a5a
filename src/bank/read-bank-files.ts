import { createHash } from "node:crypto";
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../errors/index.js";
import { isCoachStoreFolder } from "./coach-store-folder.js";
import { BANK_FILE_EXTENSIONS, MAX_BANK_FILE_BYTES } from "./limits.js";

/** A bank file's bytes, with the name it is reported under. */
export interface BankFileBytes {
  /** Path as the user will recognise it (relative to the working directory when inside it). */
  path: string;
  bytes: Buffer;
  sha256: string;
  /** Found by listing a folder rather than named: a file there that is not a bank is skipped with a warning. */
  inFolder?: boolean;
}

/**
 * Reads the files a list of bank paths names: files as given, folders
 * recursively in sorted order (only .md, .markdown, .txt and .json files,
 * marked as found in a folder; hidden folders, node_modules and a coach
 * store kept inside the folder are passed by).
 */
export async function readBankFiles(paths: readonly string[]): Promise<BankFileBytes[]> {
  const files: string[] = [];
  const listed = new Set<string>();
  for (const given of paths) {
    const info = await statOrThrow(given);
    if (info.isDirectory()) {
      const found = await listBankFiles(given);
      if (found.length === 0) {
        throw new InputError("INPUT_EMPTY", `${given}: folder has no bank files (${BANK_FILE_EXTENSIONS.join(", ")}).`, { file: given });
      }
      files.push(...found);
      for (const file of found) listed.add(file);
    } else {
      files.push(given);
    }
  }
  const result: BankFileBytes[] = [];
  for (const file of await readOnce(files)) {
    const info = await statOrThrow(file);
    if (info.size > MAX_BANK_FILE_BYTES) {
      throw new InputError(
        "INPUT_TOO_LARGE",
        // In bytes: "5.0 MB is over the 5 MB limit" said nothing to the owner of a file just over it.
        `${file}: ${info.size.toLocaleString("en-US")} bytes is over the 5 MB limit for a bank file (${MAX_BANK_FILE_BYTES.toLocaleString("en-US")} bytes); split it into smaller files in a folder.`,
        { file },
      );
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (cause) {
      throw new InputError("INPUT_UNREADABLE", `${file}: cannot read (${(cause as NodeJS.ErrnoException).code ?? "error"}).`, { file, cause });
    }
    if (bytes.length > MAX_BANK_FILE_BYTES) {
      throw new InputError("INPUT_TOO_LARGE", `${file}: over the 5 MB limit for a bank file.`, { file });
    }
    const read: BankFileBytes = { path: displayPath(file), bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
    result.push(listed.has(file) ? { ...read, inFolder: true } : read);
  }
  return result;
}

/**
 * The files with each one read once: a file reached through a link and by its own name, or through two links
 * ("again.md" -> "stories.md"), is one file, kept where it first comes and under its own name when that is among
 * the paths (story ids are built from the file name, and a link beside the file should not rename its stories).
 */
async function readOnce(files: readonly string[]): Promise<string[]> {
  const reals = await Promise.all(files.map((file) => realpath(file).catch(() => path.resolve(file))));
  const chosen = new Map<string, string>();
  files.forEach((file, index) => {
    const real = reals[index]!;
    if (!chosen.has(real) || (path.resolve(file) === real && path.resolve(chosen.get(real)!) !== real)) chosen.set(real, file);
  });
  const kept: string[] = [];
  for (const real of reals) {
    const file = chosen.get(real);
    if (file === undefined) continue;
    kept.push(file);
    chosen.delete(real);
  }
  return kept;
}

async function statOrThrow(file: string) {
  try {
    return await stat(file);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file or folder" : code === "EACCES" ? "permission denied" : `cannot read (${code ?? "error"})`;
    throw new InputError("INPUT_UNREADABLE", `${file}: ${reason}.`, { file, cause });
  }
}

async function listBankFiles(folder: string, visited = new Set<string>()): Promise<string[]> {
  // A folder reached twice through links (a link to a parent, two links to one folder) is listed once: no endless walk.
  const real = await realpath(folder).catch(() => folder);
  if (visited.has(real)) return [];
  visited.add(real);
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (cause) {
    throw new InputError("INPUT_UNREADABLE", `${folder}: cannot list folder (${(cause as NodeJS.ErrnoException).code ?? "error"}).`, {
      file: folder,
      cause,
    });
  }
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const full = path.join(folder, entry.name);
    // A symbolic link counts as what it points to (notes kept elsewhere and linked in); a broken one is passed by.
    const kind = entry.isSymbolicLink() ? await linkedKind(full) : entry.isDirectory() ? "folder" : entry.isFile() ? "file" : undefined;
    if (kind === "folder") {
      if (!(await isCoachStoreFolder(full))) files.push(...(await listBankFiles(full, visited)));
    } else if (kind === "file" && BANK_FILE_EXTENSIONS.some((extension) => entry.name.toLowerCase().endsWith(extension))) files.push(full);
  }
  return files;
}

async function linkedKind(link: string): Promise<"file" | "folder" | undefined> {
  const target = await stat(link).catch(() => undefined);
  return target?.isDirectory() ? "folder" : target?.isFile() ? "file" : undefined;
}

// Paths are reported as the user wrote them; absolute ones inside the working directory are shortened.
function displayPath(file: string): string {
  if (!path.isAbsolute(file)) return path.normalize(file);
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}
