import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui";
import { shareRefusal } from "./refusal";

export default function ShareNotFound() {
  const { message } = shareRefusal();
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <Card>
        <CardHeader>
          <CardTitle as="h1">This shared interview is not available</CardTitle>
        </CardHeader>
        <CardContent>
          <p role="status" className="text-sm text-slate-700">
            {message ?? "Share links stop working when they expire or are revoked. Ask the team that shared it for a new one."}
          </p>
        </CardContent>
      </Card>
    </main>
  );
}
