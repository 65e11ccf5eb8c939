import { execFile } from "node:child_process";
import { access, appendFile, chown, mkdtemp, readFile, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { migrate } from "../../server/db/migrations";

const run = promisify(execFile);

/** Debian's PostgreSQL 15 (scripts/ensure-pgvector.sh installs it with pgvector); PG_BINDIR points elsewhere. */
export const PG_BINDIR = process.env.PG_BINDIR ?? "/usr/lib/postgresql/15/bin";

export type RealPostgres = { url: string; stop: () => Promise<void> };

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function requireBinaries() {
  try {
    await access(path.join(PG_BINDIR, "initdb"));
  } catch {
    throw new Error(
      `PostgreSQL 15 is not installed (no ${PG_BINDIR}/initdb). The quota tests need a real server: ` +
        "run scripts/quickstart-test.sh, or install postgresql-15 and pgvector as scripts/ensure-pgvector.sh does " +
        "(or set PG_BINDIR to another PostgreSQL 15 with pgvector).",
    );
  }
  const { stdout } = await run(path.join(PG_BINDIR, "pg_config"), ["--sharedir"]);
  try {
    await access(path.join(stdout.trim(), "extension", "vector.control"));
  } catch {
    throw new Error(
      `pgvector is not installed into ${PG_BINDIR}'s PostgreSQL, and the migrations need it: run scripts/ensure-pgvector.sh's aivi_ensure_pgvector.`,
    );
  }
}

/**
 * Starts a throwaway PostgreSQL cluster (trust auth, 127.0.0.1 on a free port, its socket in its own
 * temp dir) and applies the app's migrations. initdb refuses to run as root, so as root the
 * cluster runs as the `postgres` system user that Debian's package creates.
 */
export async function startRealPostgres(): Promise<RealPostgres> {
  await requireBinaries();
  const asRoot = process.getuid?.() === 0;
  const pgRun = (tool: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", path.join(PG_BINDIR, tool), ...args]) : run(path.join(PG_BINDIR, tool), args);

  const dir = await mkdtemp(path.join(os.tmpdir(), "aivi-pg-"));
  if (asRoot) {
    const id = async (flag: string) => Number((await run("id", [flag, "postgres"])).stdout.trim());
    await chown(dir, await id("-u"), await id("-g"));
  }
  const data = path.join(dir, "data");
  const log = path.join(dir, "server.log");
  let started = false;
  const stop = async () => {
    if (started) await pgRun("pg_ctl", ["stop", "-D", data, "-m", "immediate", "-w"]);
    started = false;
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await pgRun("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
    const port = await freePort();
    // A throwaway cluster: durability settings off buy speed and lose nothing the test needs.
    await appendFile(
      path.join(data, "postgresql.conf"),
      [
        `port = ${port}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dir}'`,
        "fsync = off",
        "synchronous_commit = off",
        "full_page_writes = off",
        "",
      ].join("\n"),
    );
    await pgRun("pg_ctl", ["start", "-D", data, "-l", log, "-w", "-t", "30"]);
    started = true;
    const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    await migrate(url);
    return { url, stop };
  } catch (error) {
    const serverLog = await readFile(log, "utf8").catch(() => "");
    await stop().catch(() => undefined);
    throw new Error(`Could not start a real PostgreSQL: ${(error as Error).message}${serverLog ? `\nserver log:\n${serverLog}` : ""}`, { cause: error });
  }
}
