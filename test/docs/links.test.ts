/**
 * The README and docs/ stand alone: every relative link and anchor resolves to a file in the repository (and a
 * heading in it), nothing points outside the repository, and every repository path the prose names — a module said
 * to enforce something, a test said to prove it — exists. A rename that leaves a document behind fails here.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../kernel/index.ts";
import { anchors, flatten, links, parse, parseText, userDocuments } from "../helpers/markdown.ts";

/** Folders that are built or installed, never committed: a link into them resolves only on the machine that made them. */
const NOT_COMMITTED = new Set(["node_modules", "build", "packs", "reports", "dist"]);

/**
 * Paths in the repository's own folders, as prose and code spans name them: `conformance/mock/faults.ts`. A path
 * written after another repository's name (`Azure/bicep-types-az, generated/…`: a source) is that repository's.
 */
const REPO_PATH = /(?<![\w./-])(?<![\w-]+\/[\w.-]+,\s*)(?:kernel|generator|conformance|cli|client-runtime|scripts|test|specs|docs|generated)\/[\w./-]*[\w/]/g;

interface Target {
  file: string;
  anchor?: string;
}

/** Where a relative link from `from` leads, or why it cannot be followed. */
function resolveLink(from: string, href: string): Target | string {
  const [path, anchor] = href.split("#", 2) as [string, string | undefined];
  if (path === "") return { file: from, anchor };
  const absolute = join(REPO_ROOT, dirname(from), decodeURIComponent(path));
  const inside = relative(REPO_ROOT, absolute);
  if (inside.startsWith("..") || inside === "") return `${href} leads outside the repository`;
  if (inside.split(sep).some((part) => NOT_COMMITTED.has(part))) return `${href} leads into a folder that is not committed`;
  if (!existsSync(absolute)) return `${href} names no file`;
  if (relative(realpathSync(REPO_ROOT), realpathSync(absolute)).startsWith("..")) return `${href} is a symlink out of the repository`;
  return { file: inside.split(sep).join("/"), anchor };
}

const anchorsOf = new Map<string, Set<string>>();
function fileAnchors(file: string): Set<string> {
  if (!anchorsOf.has(file)) anchorsOf.set(file, anchors(parse(file)));
  return anchorsOf.get(file)!;
}

/** Every problem with one document's links. */
function brokenLinks(file: string): string[] {
  const problems: string[] = [];
  for (const href of links(parse(file))) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue; // https:, mailto: — not the repository's to resolve
    const target = resolveLink(file, href);
    if (typeof target === "string") problems.push(`${file}: ${target}`);
    else if (target.anchor !== undefined) {
      if (!target.file.endsWith(".md") || statSync(join(REPO_ROOT, target.file)).isDirectory()) problems.push(`${file}: ${href} has an anchor into a file that is not Markdown`);
      else if (!fileAnchors(target.file).has(target.anchor)) problems.push(`${file}: ${href} names no heading of ${target.file}`);
    }
  }
  return problems;
}

/** Repository paths named in the document's text and code spans that do not exist (placeholders such as `<hash>` aside). */
function missingPaths(file: string): string[] {
  const text = flatten(parse(file)).filter((t) => t.type === "text" || t.type === "code_inline").map((t) => t.content).join("\n");
  return [...new Set(text.match(REPO_PATH) ?? [])]
    .filter((path) => !existsSync(join(REPO_ROOT, path)))
    .map((path) => `${file}: names ${path}, which is not in the repository`);
}

describe("README.md and docs/", () => {
  const documents = userDocuments();

  it("are the README and more than one document in docs/", () => {
    expect(documents[0]).toBe("README.md");
    expect(documents.length).toBeGreaterThan(5);
  });

  it.each(documents)("%s: every relative link and anchor resolves inside the repository", (file) => {
    expect(brokenLinks(file)).toEqual([]);
  });

  it.each(documents)("%s: every repository path it names exists", (file) => {
    expect(missingPaths(file)).toEqual([]);
  });

  it.each(documents)("%s: names no place outside the repository", (file) => {
    const text = readFileSync(join(REPO_ROOT, file), "utf8");
    expect(text).not.toMatch(/\.\.\/shared|\/work\/|farm-studio/);
  });
});

describe("docs/", () => {
  it("has no orphan: every file in it is reached by links from README.md", () => {
    const reached = new Set<string>(["README.md"]);
    const queue = ["README.md"];
    while (queue.length > 0) {
      const file = queue.shift()!;
      for (const href of links(parse(file))) {
        const target = /^[a-z][a-z0-9+.-]*:/i.test(href) ? undefined : resolveLink(file, href);
        if (typeof target !== "object" || reached.has(target.file)) continue;
        reached.add(target.file);
        if (target.file.endsWith(".md")) queue.push(target.file);
      }
    }
    const docs = readdirSync(join(REPO_ROOT, "docs")).map((name) => `docs/${name}`);
    expect(docs.filter((file) => !reached.has(file))).toEqual([]);
  });
});

describe("the checks themselves", () => {
  it("find a link to a missing file, a missing anchor, a link out of the repository and a missing path", () => {
    expect(resolveLink("README.md", "docs/none.md")).toMatch(/names no file/);
    expect(resolveLink("docs/mock.md", "../../elsewhere.md")).toMatch(/outside the repository/);
    expect(resolveLink("README.md", "node_modules/vitest/package.json")).toMatch(/not committed/);
    expect(resolveLink("docs/mock.md", "arm-behaviour.md#what-arm-accepts")).toEqual({ file: "docs/arm-behaviour.md", anchor: "what-arm-accepts" });
    expect(fileAnchors("docs/arm-behaviour.md").has("what-arm-accepts")).toBe(true);
    expect(fileAnchors("docs/arm-behaviour.md").has("what-arm-rejects")).toBe(false);
    expect("see `conformance/mock/no-such-module.ts` and test/mock/faults.test.ts".match(REPO_PATH)).toEqual(["conformance/mock/no-such-module.ts", "test/mock/faults.test.ts"]);
    expect("(Azure/bicep-types-az, generated/maps/types.md)".match(REPO_PATH)).toBeNull();
  });

  it("anchors follow GitHub: code spans kept without backticks, punctuation dropped, repeats numbered", () => {
    const tokens = parseText("# Judging recordings: `--replay`\n## Checks\n## Checks\n## The `x-rekey-rotation` extension\n");
    expect([...anchors(tokens)]).toEqual(["judging-recordings---replay", "checks", "checks-1", "the-x-rekey-rotation-extension"]);
  });
});
