import type { Command } from "../command.js";
import { doctorCommand } from "./doctor.js";
import { storiesCommand } from "./stories.js";

/** Every sub-command, in the order `coach --help` lists them. */
export const COMMANDS: readonly Command[] = [storiesCommand, doctorCommand];
