import type { Metadata } from "next";
import { Card, CardContent, CardHeader, CardTitle, PageHeader } from "@/components/ui";
import { requireUser } from "@/server/auth/guards";
import { serverCaller } from "@/server/trpc/server-caller";
import { AvatarForm } from "./avatar-form";
import { ProfileForm } from "./profile-form";
import { SkillsForm } from "./skills-form";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const user = await requireUser();
  const skills = user.role === "CANDIDATE" ? await (await serverCaller()).users.skills() : null;
  return (
    <div className="max-w-xl space-y-6">
      <PageHeader title="Profile" description={user.email} />
      <Card>
        <CardHeader>
          <CardTitle>Picture</CardTitle>
        </CardHeader>
        <CardContent>
          <AvatarForm name={user.name ?? user.email} image={user.image} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Your name</CardTitle>
        </CardHeader>
        <CardContent>
          <ProfileForm name={user.name ?? ""} />
        </CardContent>
      </Card>
      {skills && (
        <Card>
          <CardHeader>
            <CardTitle>Your skills</CardTitle>
          </CardHeader>
          <CardContent>
            <SkillsForm skills={skills} />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
