import { join } from "node:path";
import { appendFileSync } from "node:fs";
import { it } from "vitest";
import { runInProcess } from "./helpers/in-process.ts";
import { REPO_ROOT } from "./helpers/cli.ts";
import { copyTree, tempDir } from "./helpers/files.ts";
async function timed(label: string, f: () => Promise<unknown>) {
  const t = performance.now(); const cpu = process.cpuUsage();
  const r = await f();
  const c = process.cpuUsage(cpu);
  console.info(label, Math.round(performance.now() - t), "ms wall", Math.round((c.user + c.system) / 1000), "ms cpu", (r as any)?.code);
}
it("times", async () => {
  let dir = "", specs = "", out = "";
  for (let i = 0; i < 3; i++) {
    await timed("copy", async () => { dir = tempDir(); specs = copyTree(join(REPO_ROOT, "specs"), join(dir, "specs")); out = copyTree(join(REPO_ROOT, "generated"), join(dir, "generated")); });
    appendFileSync(join(out, "src/index.ts"), "//x\n");
    await timed("check-diff", () => runInProcess(["generate", "--check", "--specs", specs, "--out", out]));
    await timed("generate", () => runInProcess(["generate", "--specs", specs, "--out", out]));
    await timed("gen-fresh", () => runInProcess(["generate", "--specs", specs, "--out", join(tempDir(), "g")]));
  }
}, 300000);
