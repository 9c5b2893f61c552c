import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The edges of the program: everything run() reads from or writes to the outside world. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
  readStdin: () => Promise<string>;
  writeFile: (file: string, text: string | Uint8Array) => Promise<void>;
  /** Append to a file (GITHUB_STEP_SUMMARY). */
  appendFile: (file: string, text: string) => Promise<void>;
  clock: () => number;
}

export function processIO(): CliIO {
  // A reader that stops early (`rollgate rules | head`) closes the pipe: stop writing to it and let
  // the run finish with its own exit code, instead of dying on an unhandled EPIPE with a stack trace.
  let stdoutClosed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stdoutClosed = true;
  });
  return {
    stdout: (text) => {
      if (!stdoutClosed) process.stdout.write(text);
    },
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    cwd: process.cwd(),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    writeFile: async (file, text) => {
      await mkdir(path.dirname(path.resolve(file)), { recursive: true });
      await writeFile(file, text);
    },
    appendFile: async (file, text) => {
      await appendFile(file, text);
    },
    clock: () => Date.now(),
  };
}
