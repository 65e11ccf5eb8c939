import { createCallerFactory, router } from "./init";
import { organizationsRouter } from "./routers/organizations";
import { usersRouter } from "./routers/users";

export const appRouter = router({
  users: usersRouter,
  organizations: organizationsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
