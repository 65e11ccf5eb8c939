import { makeOrg, makeUser } from "../../helpers/actors";

/** The people every procedure is called as, and records that belong to organization A. */
export async function buildFixture() {
  const orgA = await makeOrg("Alpha");
  const orgB = await makeOrg("Beta");
  const users = {
    // Holds a session from before the suspension: the next request must still be refused.
    suspended: await makeUser({ role: "HR", orgId: orgA.id, status: "SUSPENDED" }),
    newcomer: await makeUser({ role: null }),
    candidate: await makeUser({ role: "CANDIDATE" }),
    // HR who created their organization: its owner.
    hr: await makeUser({ role: "HR", orgId: orgA.id, orgRole: "OWNER" }),
    // HR who joined organization A: a member, not an owner.
    hrMember: await makeUser({ role: "HR", orgId: orgA.id }),
    hrOtherOrg: await makeUser({ role: "HR", orgId: orgB.id, orgRole: "OWNER" }),
    admin: await makeUser({ role: "ADMIN", orgId: orgA.id, membershipRole: "ADMIN" }),
  };
  const target = await makeUser({ role: "CANDIDATE" });
  return { orgA, orgB, users, target };
}

export type Fixture = Awaited<ReturnType<typeof buildFixture>>;

export type Case = {
  /** The input to call the procedure with (records of organization A where it names any). */
  input?: (fx: Fixture) => unknown;
  /**
   * For HR procedures: an input naming organization A's data, which HR of organization B must not
   * reach; or a sentence saying why the procedure names no record.
   */
  crossTenant?: ((fx: Fixture) => unknown) | string;
};

export type Cases = Record<string, Case>;
