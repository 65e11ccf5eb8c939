import type { Adapter, AdapterAccount, AdapterUser } from "next-auth/adapters";
import type { Db } from "../db/client";

type UserRow = { id: string; email: string; name: string | null; image: string | null; emailVerified: Date | null };

const toAdapterUser = (u: UserRow): AdapterUser => ({
  id: u.id,
  email: u.email,
  name: u.name,
  image: u.image,
  emailVerified: u.emailVerified,
});

/** next-auth's database adapter on our Prisma client: users, OAuth accounts, sessions, magic-link tokens. */
export function prismaAdapter(db: Db): Adapter {
  return {
    createUser: async (user: Omit<AdapterUser, "id">) =>
      toAdapterUser(
        await db.user.create({
          data: { email: user.email.toLowerCase(), name: user.name ?? null, image: user.image ?? null, emailVerified: user.emailVerified },
        }),
      ),
    getUser: async (id) => {
      const u = await db.user.findUnique({ where: { id } });
      return u ? toAdapterUser(u) : null;
    },
    getUserByEmail: async (email) => {
      const u = await db.user.findUnique({ where: { email: email.toLowerCase() } });
      return u ? toAdapterUser(u) : null;
    },
    getUserByAccount: async ({ provider, providerAccountId }) => {
      const account = await db.account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        include: { user: true },
      });
      return account ? toAdapterUser(account.user) : null;
    },
    updateUser: async ({ id, name, image, emailVerified }) => toAdapterUser(await db.user.update({ where: { id }, data: { name, image, emailVerified } })),
    deleteUser: async (id) => {
      await db.user.delete({ where: { id } });
    },
    linkAccount: async (account: AdapterAccount) => {
      await db.account.create({
        data: {
          userId: account.userId,
          type: account.type,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          refresh_token: account.refresh_token ?? null,
          access_token: account.access_token ?? null,
          expires_at: account.expires_at ?? null,
          token_type: account.token_type ?? null,
          scope: account.scope ?? null,
          id_token: account.id_token ?? null,
          session_state: typeof account.session_state === "string" ? account.session_state : null,
        },
      });
    },
    unlinkAccount: async ({ provider, providerAccountId }: Pick<AdapterAccount, "provider" | "providerAccountId">) => {
      await db.account.delete({ where: { provider_providerAccountId: { provider, providerAccountId } } });
    },
    createSession: (session) => db.session.create({ data: session }),
    getSessionAndUser: async (sessionToken) => {
      const row = await db.session.findUnique({ where: { sessionToken }, include: { user: true } });
      if (!row) return null;
      const { user, ...session } = row;
      return { session, user: toAdapterUser(user) };
    },
    updateSession: ({ sessionToken, ...data }) => db.session.update({ where: { sessionToken }, data }),
    deleteSession: async (sessionToken) => {
      await db.session.deleteMany({ where: { sessionToken } });
    },
    createVerificationToken: (token) => db.verificationToken.create({ data: token }),
    useVerificationToken: async ({ identifier, token }) => {
      // deleteMany + lookup instead of delete, so a second click on a used link is a clean null, not a throw.
      const found = await db.verificationToken.findUnique({ where: { identifier_token: { identifier, token } } });
      if (!found) return null;
      const { count } = await db.verificationToken.deleteMany({ where: { identifier, token } });
      return count ? found : null;
    },
  };
}
