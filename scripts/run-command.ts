import { spawn } from "node:child_process";

/** Runs a command to completion; a failure carries its exit code and the end of its stderr, and how to install it. */
export function runCommand(command: string, args: string[], install = "see scripts/quickstart-test.sh"): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    child.once("error", (error) => reject(new Error(`${command} could not start (${error.message}); install it (${install})`)));
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (exit ${code}):\n${stderr}`))));
  });
}
