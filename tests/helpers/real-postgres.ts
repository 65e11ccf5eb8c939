import { execFile } from "node:child_process";
import { access, appendFile, chown, mkdtemp, readFile, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

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

/** Why no real server can be started here (PostgreSQL or pgvector missing), or null when one can. */
export async function whyNoRealPostgres(): Promise<string | null> {
  try {
    await access(path.join(PG_BINDIR, "initdb"));
  } catch {
    return (
      `PostgreSQL 15 is not installed (no ${PG_BINDIR}/initdb): run scripts/quickstart-test.sh, or install postgresql-15 and pgvector ` +
      "as scripts/ensure-pgvector.sh does (or set PG_BINDIR to another PostgreSQL with pgvector, or TEST_DATABASE_URL to a server that has it)"
    );
  }
  const { stdout } = await run(path.join(PG_BINDIR, "pg_config"), ["--sharedir"]);
  try {
    await access(path.join(stdout.trim(), "extension", "vector.control"));
  } catch {
    return `pgvector is not installed into ${PG_BINDIR}'s PostgreSQL, and the migrations need it: scripts/ensure-pgvector.sh's aivi_ensure_pgvector builds it from ../shared/vendor`;
  }
  return null;
}

/**
 * Starts a throwaway PostgreSQL cluster (trust auth, 127.0.0.1 on `port` or a free one, its socket
 * in its own temp dir); `url` is its `postgres` database, from which test databases are made.
 * initdb refuses to run as root, so as root the cluster runs as the `postgres` system user that
 * Debian's package creates.
 */
export async function startRealPostgres(opts: { port?: number } = {}): Promise<RealPostgres> {
  const missing = await whyNoRealPostgres();
  if (missing) throw new Error(missing);
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
    const port = opts.port ?? (await freePort());
    // A throwaway cluster: durability settings off buy speed and lose nothing the tests need. Test
    // files run in parallel, each with its own pool and runner processes, hence the connection limit.
    await appendFile(
      path.join(data, "postgresql.conf"),
      [
        `port = ${port}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dir}'`,
        "fsync = off",
        "synchronous_commit = off",
        "full_page_writes = off",
        "max_connections = 400",
        // JIT compiles a plan whose estimated cost is high, which the app's short queries pay 50 ms
        // and more for (bench:api); docs/benchmarks.md recommends the same in production.
        "jit = off",
        "",
      ].join("\n"),
    );
    await pgRun("pg_ctl", ["start", "-D", data, "-l", log, "-w", "-t", "30"]);
    started = true;
    return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, stop };
  } catch (error) {
    const serverLog = await readFile(log, "utf8").catch(() => "");
    await stop().catch(() => undefined);
    throw new Error(`Could not start a real PostgreSQL: ${(error as Error).message}${serverLog ? `\nserver log:\n${serverLog}` : ""}`, { cause: error });
  }
}
