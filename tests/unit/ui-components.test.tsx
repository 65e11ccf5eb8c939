import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  Alert,
  Avatar,
  Badge,
  Button,
  ButtonLink,
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
  cn,
  Dialog,
  DropdownMenu,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  EmptyState,
  Field,
  initials,
  Input,
  Label,
  PageHeader,
  Progress,
  rovingIndex,
  Select,
  Skeleton,
  Spinner,
  Table,
  TableCaption,
  TableContainer,
  TBody,
  TD,
  TH,
  THead,
  Tabs,
  Textarea,
  ToastProvider,
  TR,
  useToast,
} from "@/components/ui";
import * as legacyInput from "@/components/ui/input";

const html = (el: ReactElement) => renderToStaticMarkup(el);

/** Parses the attributes of the first opening tag matching `selector` (a tag name plus optional attribute test). */
function tag(markup: string, name: string, where?: RegExp): Record<string, string> {
  const tags = [...markup.matchAll(new RegExp(`<${name}\\b([^>]*)>`, "g"))].map((m) => m[1]!);
  const found = where ? tags.find((t) => where.test(t)) : tags[0];
  if (found === undefined) throw new Error(`no <${name}> ${where ?? ""} in ${markup}`);
  return Object.fromEntries([...found.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)].map((m) => [m[1]!, decodeEntities(m[2] ?? "")]));
}

/** React escapes attribute values (' as &#x27;); the tests compare what a browser would read. */
function decodeEntities(value: string): string {
  return value.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))).replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function byId(markup: string, id: string): string {
  const match = new RegExp(`<(\\w+)\\b[^>]*\\bid="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(markup);
  if (!match) throw new Error(`no element with id ${id} in ${markup}`);
  return match[0];
}

describe("cn", () => {
  it("joins truthy class names only", () => {
    expect(cn("a", false, null, undefined, "", "b")).toBe("a b");
  });
});

describe("Button", () => {
  it("is a type=button by default so it never submits a form by accident", () => {
    expect(tag(html(<Button>Save</Button>), "button").type).toBe("button");
    expect(tag(html(<Button type="submit">Save</Button>), "button").type).toBe("submit");
  });

  it("when loading, is busy and disabled and shows a decorative spinner", () => {
    const markup = html(<Button loading>Save</Button>);
    const button = tag(markup, "button");
    expect(button["aria-busy"]).toBe("true");
    expect(button).toHaveProperty("disabled");
    expect(markup).toContain("animate-spin");
    expect(tag(markup, "svg")["aria-hidden"]).toBe("true");
    expect(markup).toContain("Save");
  });

  it("is neither busy nor disabled otherwise", () => {
    const button = tag(html(<Button>Save</Button>), "button");
    expect(button).not.toHaveProperty("aria-busy");
    expect(button).not.toHaveProperty("disabled");
  });

  it("has a visible focus ring and the variant and size classes", () => {
    const cls = tag(html(<Button variant="destructive" size="lg">Delete</Button>), "button").class!;
    expect(cls).toContain("focus-visible:ring-2");
    expect(cls).toContain("bg-red-600");
    expect(cls).toContain("h-12");
  });

  it("ButtonLink is a real link with the button look", () => {
    const a = tag(html(<ButtonLink href="/templates/new" variant="outline">New</ButtonLink>), "a");
    expect(a.href).toBe("/templates/new");
    expect(a.class).toContain("border-slate-300");
    expect(a.class).toContain("focus-visible:ring-2");
  });
});

describe("Field", () => {
  it("wires the label, description and error to the control", () => {
    const markup = html(
      <Field label="Email" description="We send the link here." error="Enter a valid email">
        {(props) => <Input {...props} type="email" />}
      </Field>,
    );
    const input = tag(markup, "input");
    expect(input.id).toBeTruthy();
    expect(tag(markup, "label").for).toBe(input.id);
    expect(input["aria-invalid"]).toBe("true");
    const [descriptionId, errorId] = input["aria-describedby"]!.split(" ");
    expect(byId(markup, descriptionId!)).toContain("We send the link here.");
    const error = byId(markup, errorId!);
    expect(error).toContain('role="alert"');
    expect(error).toContain("Enter a valid email");
  });

  it("is not invalid and has no alert without an error", () => {
    const markup = html(<Field label="Name">{(props) => <Input {...props} />}</Field>);
    const input = tag(markup, "input");
    expect(input).not.toHaveProperty("aria-invalid");
    expect(input).not.toHaveProperty("aria-describedby");
    expect(markup).not.toContain('role="alert"');
  });

  it("points only at the error when there is no description, and accepts a given id", () => {
    const markup = html(
      <Field id="job-title" label="Job title" error="Required" required>
        {(props) => <Textarea {...props} />}
      </Field>,
    );
    const textarea = tag(markup, "textarea");
    expect(textarea.id).toBe("job-title");
    expect(textarea["aria-describedby"]).toBe("job-title-error");
    expect(textarea).toHaveProperty("required");
    expect(markup).toMatch(/<span aria-hidden="true"[^>]*>\*<\/span>/);
  });

  it("works with a select", () => {
    const markup = html(
      <Field label="Answer" error="Pick one">
        {(props) => (
          <Select {...props} defaultValue="VIDEO">
            <option value="VIDEO">Video</option>
          </Select>
        )}
      </Field>,
    );
    const select = tag(markup, "select");
    expect(select["aria-invalid"]).toBe("true");
    expect(select.class).toContain("select-chevron");
  });
});

describe("form controls", () => {
  it("have focus rings and mark invalid state from aria-invalid", () => {
    for (const markup of [html(<Input />), html(<Textarea />), html(<Select />)]) {
      const cls = /class="([^"]*)"/.exec(markup)![1]!;
      expect(cls).toContain("focus-visible:ring-2");
      expect(cls).toContain("aria-[invalid=true]:border-red-500");
    }
  });

  it("are still importable from the first version's module", () => {
    expect(legacyInput.Textarea).toBe(Textarea);
    expect(legacyInput.Select).toBe(Select);
  });

  it("Label shows a required marker hidden from screen readers", () => {
    const markup = html(<Label htmlFor="x" required>Name</Label>);
    expect(tag(markup, "label").for).toBe("x");
    expect(markup).toMatch(/^<label\b[^>]*>Name<span aria-hidden="true"[^>]*>\*<\/span><\/label>$/);
  });
});

describe("Progress", () => {
  it("is a progressbar with its value, bounds and name", () => {
    const bar = tag(html(<Progress value={3} max={5} label="Questions answered" valueText="3 of 5" />), "div", /role="progressbar"/);
    expect(bar).toMatchObject({ "aria-valuenow": "3", "aria-valuemin": "0", "aria-valuemax": "5", "aria-label": "Questions answered", "aria-valuetext": "3 of 5" });
  });

  it("clamps the value and survives a zero max", () => {
    expect(tag(html(<Progress value={150} label="x" />), "div")["aria-valuenow"]).toBe("100");
    expect(tag(html(<Progress value={-4} label="x" />), "div")["aria-valuenow"]).toBe("0");
    expect(html(<Progress value={0} max={0} label="x" />)).toContain("width:0%");
  });
});

describe("Alert and Badge", () => {
  it("danger alerts are role=alert, the others role=status", () => {
    expect(tag(html(<Alert tone="danger">Failed</Alert>), "div").role).toBe("alert");
    expect(tag(html(<Alert tone="success">Saved</Alert>), "div").role).toBe("status");
    expect(tag(html(<Alert>Note</Alert>), "div").role).toBe("status");
  });

  it("renders the title and passes attributes through", () => {
    const markup = html(
      <Alert tone="warning" title="Archived" id="a1" tabIndex={-1}>
        Candidates cannot start it.
      </Alert>,
    );
    expect(tag(markup, "div")).toMatchObject({ id: "a1", tabindex: "-1" });
    expect(markup).toContain("Archived");
    expect(markup).toContain("Candidates cannot start it.");
  });

  it("badge tones map to colours", () => {
    expect(tag(html(<Badge tone="success">Live</Badge>), "span").class).toContain("bg-emerald-50");
    expect(tag(html(<Badge>Draft</Badge>), "span").class).toContain("bg-slate-100");
  });
});

describe("Dialog", () => {
  const dialog = (open: boolean) =>
    html(
      <Dialog open={open} onOpenChange={() => {}} title="Delete template?" description="This cannot be undone." role="alertdialog">
        <p>Body</p>
      </Dialog>,
    );

  it("is a native dialog labelled by its title and described by its description", () => {
    const markup = dialog(false);
    const el = tag(markup, "dialog");
    expect(el.role).toBe("alertdialog");
    expect(byId(markup, el["aria-labelledby"]!)).toContain("Delete template?");
    expect(byId(markup, el["aria-describedby"]!)).toContain("This cannot be undone.");
  });

  it("is closed in server HTML (showModal runs in the browser) and has a named close button", () => {
    expect(tag(dialog(true), "dialog")).not.toHaveProperty("open");
    expect(tag(dialog(true), "button")["aria-label"]).toBe("Close");
  });
});

describe("DropdownMenu", () => {
  it("renders a collapsed menu button", () => {
    const markup = html(
      <DropdownMenu label="More actions">
        <DropdownMenuLabel>ada@example.test</DropdownMenuLabel>
        <DropdownMenuItem onSelect={() => {}}>Duplicate</DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem href="/settings">Settings</DropdownMenuItem>
      </DropdownMenu>,
    );
    const button = tag(markup, "button");
    expect(button["aria-haspopup"]).toBe("menu");
    expect(button["aria-expanded"]).toBe("false");
    expect(button.class).toContain("focus-visible:ring-2");
    expect(markup).not.toContain('role="menu"');
  });

  it("names an icon-only trigger", () => {
    expect(tag(html(<DropdownMenu label="⋯" triggerLabel="Row actions">{null}</DropdownMenu>), "button")["aria-label"]).toBe("Row actions");
  });
});

describe("rovingIndex (arrow keys in tabs and menus)", () => {
  it("moves and wraps along its orientation", () => {
    expect(rovingIndex("ArrowDown", 0, 3, "vertical")).toBe(1);
    expect(rovingIndex("ArrowDown", 2, 3, "vertical")).toBe(0);
    expect(rovingIndex("ArrowUp", 0, 3, "vertical")).toBe(2);
    expect(rovingIndex("ArrowRight", 1, 3, "horizontal")).toBe(2);
    expect(rovingIndex("ArrowLeft", 0, 3, "horizontal")).toBe(2);
  });

  it("jumps with Home and End, starts from either end when nothing has focus, ignores other keys", () => {
    expect(rovingIndex("Home", 2, 3, "vertical")).toBe(0);
    expect(rovingIndex("End", 0, 3, "horizontal")).toBe(2);
    expect(rovingIndex("ArrowDown", -1, 3, "vertical")).toBe(0);
    expect(rovingIndex("ArrowUp", -1, 3, "vertical")).toBe(2);
    expect(rovingIndex("ArrowRight", 0, 3, "vertical")).toBeNull();
    expect(rovingIndex("a", 0, 3, "vertical")).toBeNull();
    expect(rovingIndex("ArrowDown", -1, 0, "vertical")).toBeNull();
  });
});

describe("Tabs", () => {
  const markup = html(
    <Tabs
      label="How to add candidates"
      tabs={[
        { value: "one", label: "One candidate" },
        { value: "list", label: "Paste a list" },
      ]}
      value="list"
      onValueChange={() => {}}
    >
      <p>Panel</p>
    </Tabs>,
  );

  it("has one tab stop, on the selected tab, which controls the panel", () => {
    const selected = tag(markup, "button", /aria-selected="true"/);
    const other = tag(markup, "button", /aria-selected="false"/);
    expect(selected.tabindex).toBe("0");
    expect(other.tabindex).toBe("-1");
    expect(markup).toContain(">Paste a list<");
    const panel = tag(markup, "div", /role="tabpanel"/);
    expect(selected["aria-controls"]).toBe(panel.id);
    expect(panel["aria-labelledby"]).toBe(selected.id);
  });

  it("names the tab list", () => {
    expect(tag(markup, "div", /role="tablist"/)["aria-label"]).toBe("How to add candidates");
  });
});

describe("ToastProvider", () => {
  it("keeps an empty polite live region in the page from the start", () => {
    const markup = html(
      <ToastProvider>
        <main>App</main>
      </ToastProvider>,
    );
    expect(tag(markup, "div", /aria-live/)["aria-live"]).toBe("polite");
    expect(markup).toContain("<main>App</main>");
  });

  it("useToast outside a provider is a harmless no-op", () => {
    let api: ReturnType<typeof useToast> | undefined;
    function Probe() {
      api = useToast();
      return null;
    }
    html(<Probe />);
    expect(() => api!.toast({ title: "Hi" })).not.toThrow();
  });
});

describe("Avatar", () => {
  it("shows initials, decorative by default", () => {
    const span = html(<Avatar name="Ada Lovelace" />);
    expect(span).toContain(">AL<");
    expect(tag(span, "span")["aria-hidden"]).toBe("true");
    expect(initials("ada@example.test")).toBe("AE");
    expect(initials("  ")).toBe("?");
  });

  it("names itself when given a label, as an image or initials", () => {
    expect(tag(html(<Avatar name="Ada" src="/a.png" label="Ada's picture" />), "img").alt).toBe("Ada's picture");
    expect(tag(html(<Avatar name="Ada" src="/a.png" />), "img").alt).toBe("");
    expect(tag(html(<Avatar name="Ada" label="Ada" />), "span")).toMatchObject({ role: "img", "aria-label": "Ada" });
  });
});

describe("layout pieces", () => {
  it("Card renders its parts, the title as an h2 unless told otherwise", () => {
    const markup = html(
      <Card>
        <CardHeader>
          <CardTitle>Members</CardTitle>
          <CardDescription>Who can sign in</CardDescription>
        </CardHeader>
        <CardContent>Body</CardContent>
        <CardFooter>Foot</CardFooter>
      </Card>,
    );
    expect(markup).toMatch(/<h2[^>]*>Members<\/h2>/);
    expect(html(<CardTitle as="h3">Sub</CardTitle>)).toMatch(/^<h3/);
  });

  it("PageHeader renders the h1, description and actions", () => {
    const markup = html(<PageHeader title="Templates" description="Reusable interviews" actions={<ButtonLink href="/new">New</ButtonLink>} />);
    expect(markup).toMatch(/<h1[^>]*>Templates<\/h1>/);
    expect(markup).toContain("Reusable interviews");
    expect(markup).toContain('href="/new"');
  });

  it("Table uses column headers by default and row headers on request", () => {
    const markup = html(
      <TableContainer>
        <Table>
          <TableCaption>Members</TableCaption>
          <THead>
            <TR>
              <TH>Name</TH>
            </TR>
          </THead>
          <TBody>
            <TR>
              <TH scope="row">Ada</TH>
              <TD>Admin</TD>
            </TR>
          </TBody>
        </Table>
      </TableContainer>,
    );
    expect(markup).toContain('<th scope="col"');
    expect(markup).toContain('<th scope="row"');
    expect(markup).toContain("<caption");
    expect(tag(markup, "div").class).toContain("overflow-x-auto");
  });

  it("EmptyState shows the title, description and action", () => {
    const markup = html(<EmptyState title="No templates yet" description="Create one to invite candidates." action={<Button>Create</Button>} />);
    expect(markup).toContain("No templates yet");
    expect(markup).toContain("<button");
  });

  it("Skeleton is hidden from screen readers; Spinner announces only with a label", () => {
    expect(tag(html(<Skeleton className="h-4" />), "div")["aria-hidden"]).toBe("true");
    expect(tag(html(<Spinner />), "span")).not.toHaveProperty("role");
    const labelled = html(<Spinner label="Loading templates" />);
    expect(tag(labelled, "span").role).toBe("status");
    expect(labelled).toContain('<span class="sr-only">Loading templates</span>');
  });
});
