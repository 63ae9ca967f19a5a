import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { InputError, StoreError } from "../errors/index.js";
import { storeAccessError } from "../store/index.js";
import { writeFileAtomic } from "../store/atomic-write.js";
import { newSession, SessionSchema, type Session } from "./session.js";

const SESSION_ID = /^[a-z0-9-]{4,64}$/;

/** Whether a text has the form of a session id (the store's file names), before any file is looked for. */
export function isSessionId(id: string): boolean {
  return SESSION_ID.test(id);
}

/** Sessions as JSON files in the store (written atomically), so a restart loses nothing. */
export class SessionStore {
  constructor(private readonly folder: string) {}

  create(): Session {
    return newSession(`s-${randomBytes(6).toString("hex")}`);
  }

  async load(id: string): Promise<Session> {
    if (!isSessionId(id)) throw new InputError("INPUT_NOT_PARSEABLE", `"${id}" is not a session id (letters, digits and hyphens).`);
    let text: string;
    try {
      text = await readFile(this.file(id), "utf8");
    } catch {
      throw new InputError("INPUT_UNREADABLE", `no session "${id}" in ${this.folder}.`);
    }
    const parsed = SessionSchema.safeParse((() => {
      try {
        return JSON.parse(text);
      } catch {
        return undefined;
      }
    })());
    if (!parsed.success) throw new StoreError(`${this.file(id)}: the session file is damaged.`, { file: this.file(id) });
    return parsed.data;
  }

  async save(session: Session): Promise<void> {
    session.updatedAt = new Date().toISOString();
    await writeFileAtomic(this.file(session.id), JSON.stringify(session, null, 2)).catch((error: unknown) => {
      // A store the file system refuses (permissions, a full disk, a file named "sessions") is the user's to fix: say how.
      throw storeAccessError(error, path.dirname(this.folder), "write");
    });
  }

  private file(id: string): string {
    return path.join(this.folder, `${id}.json`);
  }
}
