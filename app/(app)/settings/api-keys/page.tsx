import Link from "next/link";
import type { Metadata } from "next";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { RevokeApiKeyButton } from "@/components/api-keys/revoke-api-key-button";
import { formatDateTime } from "@/components/format";
import {
  Alert,
  Badge,
  ButtonLink,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  PageHeader,
  Table,
  TableContainer,
  TBody,
  TD,
  TH,
  THead,
  TR,
} from "@/components/ui";
import { requireRole } from "@/server/auth/guards";
import { hrMembership } from "@/server/auth/session-user";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const user = await requireRole("HR", "ADMIN");
  const description = "Keys for the REST API, with which your ATS invites candidates and reads interviews.";
  if (hrMembership(user)?.orgRole !== "OWNER") {
    return (
      <div className="space-y-6">
        <PageHeader title="API keys" description={description} />
        <Alert tone="info">Only an owner of your organization creates and revokes API keys: ask one of them.</Alert>
      </div>
    );
  }
  const { keys, planAllows, planName } = await (await serverCaller()).apiKeys.list();
  return (
    <div className="space-y-6">
      <PageHeader
        title="API keys"
        description={description}
        actions={
          <ButtonLink href="/docs/api" variant="outline">
            API reference
          </ButtonLink>
        }
      />
      <Card>
        <CardHeader>
          <CardTitle>New key</CardTitle>
          <CardDescription>
            Send it as <code className="font-mono">Authorization: Bearer &lt;key&gt;</code>. A key reaches only this organization&apos;s data and acts as you.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {planAllows ? (
            <CreateApiKeyForm />
          ) : (
            <Alert tone="warning">
              The {planName} plan does not include the REST API, and requests with existing keys are refused.{" "}
              <Link href="/settings/billing" className="underline underline-offset-2">
                Upgrade to Plus or Pro
              </Link>{" "}
              to use API keys.
            </Alert>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Keys</CardTitle>
        </CardHeader>
        <CardContent>
          {keys.length ? (
            <TableContainer>
              <Table>
                <THead>
                  <TR>
                    <TH scope="col">Name</TH>
                    <TH scope="col">Key</TH>
                    <TH scope="col">Scopes</TH>
                    <TH scope="col">Created</TH>
                    <TH scope="col">Last used</TH>
                    <TH scope="col">
                      <span className="sr-only">Actions</span>
                    </TH>
                  </TR>
                </THead>
                <TBody>
                  {keys.map((key) => (
                    <TR key={key.id}>
                      <TD className="font-medium">{key.name}</TD>
                      <TD className="whitespace-nowrap font-mono text-xs">{key.prefix}…</TD>
                      <TD>
                        <span className="flex gap-1">
                          {key.scopes.map((scope) => (
                            <Badge key={scope}>{scope}</Badge>
                          ))}
                        </span>
                      </TD>
                      <TD className="whitespace-nowrap">
                        {formatDateTime(key.createdAt)}
                        <span className="block text-xs text-slate-500">by {key.createdBy.name ?? key.createdBy.email}</span>
                      </TD>
                      <TD className="whitespace-nowrap">{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : "Never"}</TD>
                      <TD className="text-right">
                        {key.revokedAt ? (
                          <Badge tone="danger">Revoked {formatDateTime(key.revokedAt)}</Badge>
                        ) : (
                          <RevokeApiKeyButton id={key.id} name={key.name} />
                        )}
                      </TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            </TableContainer>
          ) : (
            <EmptyState title="No API keys yet" description="Create one above for the system that will call the API." />
          )}
        </CardContent>
      </Card>
    </div>
  );
}
