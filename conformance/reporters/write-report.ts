/**
 * A report file is written whole or not at all: its folder is created, the text goes to a temporary file beside
 * it, which is then renamed into place. A file system refusal is the user's to fix, so it is a UserError.
 */
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { displayPath, problem, UserError } from "../../kernel/index.ts";

export async function writeReport(file: string, content: string): Promise<void> {
  const target = resolve(file);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(temp, content, "utf8");
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    const e = error as NodeJS.ErrnoException;
    if (!e?.code) throw error;
    throw new UserError(problem("conform/report", { file: displayPath(target) }, `cannot write the report (${e.code})`,
      "pass --report a path you can write to"));
  }
}
