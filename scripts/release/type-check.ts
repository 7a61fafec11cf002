/**
 * tsc, in this process: compiles a consumer's tsconfig.json (diagnostics, then emit) as `tsc -p` does. One checker
 * serves several consumers: the files they share (TypeScript's own libraries, the installed package's
 * declarations) are parsed once and reused by each program, as TypeScript's language service shares them between
 * projects, instead of a tsc process per consumer parsing them again.
 */
import { dirname, join } from "node:path";
import ts from "typescript";
import { firstLine, StepFailed } from "./run-command.ts";

export type TypeCheck = (step: string, projectDir: string) => void;

/** Files parsed by earlier programs, by name and parse settings. */
export type ParsedFiles = Map<string, ts.SourceFile | undefined>;

/**
 * A compiler host for `options` that takes a file from `parsed` when an earlier program parsed it: a file parses
 * the same for every program when its name and the parse settings (target, module format) agree.
 */
export function sharingHost(options: ts.CompilerOptions, parsed: ParsedFiles): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, settings, onError, fresh) => {
    const key = `${fileName}\0${JSON.stringify(settings)}`;
    if (fresh || !parsed.has(key)) parsed.set(key, getSourceFile(fileName, settings, onError, fresh));
    return parsed.get(key);
  };
  return host;
}

export function createTypeCheck(): TypeCheck {
  const parsed: ParsedFiles = new Map();
  return (step, projectDir) => {
    const configFile = join(projectDir, "tsconfig.json");
    const config = ts.getParsedCommandLineOfConfigFile(configFile, {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new StepFailed(step, ts.flattenDiagnosticMessageText(d.messageText, " "));
      },
    });
    if (!config) throw new StepFailed(step, `${configFile} could not be read`);
    const host = sharingHost(config.options, parsed);
    const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host, configFileParsingDiagnostics: config.errors });
    const diagnostics = [...ts.getPreEmitDiagnostics(program), ...program.emit().diagnostics];
    if (diagnostics.length > 0) {
      const formatted = ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => dirname(configFile), getNewLine: () => "\n" });
      throw new StepFailed(step, `${firstLine(formatted)} (${diagnostics.length} error(s))`);
    }
  };
}
