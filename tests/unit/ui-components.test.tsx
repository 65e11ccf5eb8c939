// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { useState, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
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
  Popover,
  Progress,
  Select,
  SelectMenu,
  Sheet,
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
  Toasts,
  Tooltip,
  TooltipProvider,
  TR,
  useToast,
} from "@/components/ui";
import * as legacyInput from "@/components/ui/input";

const html = (el: ReactElement) => renderToStaticMarkup(el);

// jsdom lacks the layout APIs Radix's positioning and pointer handling call.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
const layoutStubs: Record<string, () => unknown> = { scrollIntoView: () => undefined, hasPointerCapture: () => false, releasePointerCapture: () => undefined };
for (const [name, stub] of Object.entries(layoutStubs)) {
  if (!(name in Element.prototype)) Object.defineProperty(Element.prototype, name, { value: stub, configurable: true });
}

afterEach(cleanup);

/** Parses the attributes of the first opening tag matching `selector` (a tag name plus optional attribute test). */
function tag(markup: string, name: string, where?: RegExp): Record<string, string> {
  const tags = [...markup.matchAll(new RegExp(`<${name}\\b([^>]*)>`, "g"))].map((m) => m[1]!);
  const found = where ? tags.find((t) => where.test(t)) : tags[0];
  if (found === undefined) throw new Error(`no <${name}> ${where ?? ""} in ${markup}`);
  return Object.fromEntries([...found.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)].map((m) => [m[1]!, decodeEntities(m[2] ?? "")]));
}

/** React escapes attribute values (' as &#x27;); the tests compare what a browser would read. */
function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
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
    const cls = tag(
      html(
        <Button variant="destructive" size="lg">
          Delete
        </Button>,
      ),
      "button",
    ).class!;
    expect(cls).toContain("focus-visible:ring-2");
    expect(cls).toContain("bg-red-600");
    expect(cls).toContain("h-12");
  });

  it("ButtonLink is a real link with the button look", () => {
    const a = tag(
      html(
        <ButtonLink href="/templates/new" variant="outline">
          New
        </ButtonLink>,
      ),
      "a",
    );
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
    const markup = html(
      <Label htmlFor="x" required>
        Name
      </Label>,
    );
    expect(tag(markup, "label").for).toBe("x");
    expect(markup).toMatch(/^<label\b[^>]*>Name<span aria-hidden="true"[^>]*>\*<\/span><\/label>$/);
  });
});

describe("Progress", () => {
  it("is a progressbar with its value, bounds and name", () => {
    const bar = tag(html(<Progress value={3} max={5} label="Questions answered" valueText="3 of 5" />), "div", /role="progressbar"/);
    expect(bar).toMatchObject({
      "aria-valuenow": "3",
      "aria-valuemin": "0",
      "aria-valuemax": "5",
      "aria-label": "Questions answered",
      "aria-valuetext": "3 of 5",
    });
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

describe("Dialog (Radix)", () => {
  function Harness({ onOpenChange = () => {} }: { onOpenChange?: (open: boolean) => void }) {
    return (
      <Dialog open onOpenChange={onOpenChange} title="Delete template?" description="This cannot be undone." role="alertdialog">
        <button type="button">Delete</button>
      </Dialog>
    );
  }

  it("renders nothing while closed", () => {
    render(<Dialog open={false} onOpenChange={() => {}} title="Hidden" />);
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("is labelled by its title, described by its description, and moves focus into its content", () => {
    render(<Harness />);
    const dialog = screen.getByRole("alertdialog");
    expect(document.getElementById(dialog.getAttribute("aria-labelledby")!)?.textContent).toBe("Delete template?");
    expect(document.getElementById(dialog.getAttribute("aria-describedby")!)?.textContent).toBe("This cannot be undone.");
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Delete" }));
  });

  it("asks the parent to close on Escape and on the named close button", () => {
    const onOpenChange = vi.fn();
    render(<Harness onOpenChange={onOpenChange} />);
    fireEvent.keyDown(document.activeElement!, { key: "Escape" });
    fireEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(onOpenChange.mock.calls).toEqual([[false], [false]]);
  });
});

describe("Sheet", () => {
  it("is a named dialog panel with a close button", () => {
    const onOpenChange = vi.fn();
    render(
      <Sheet open onOpenChange={onOpenChange} title="Menu" hideTitle>
        <a href="/dashboard">Dashboard</a>
      </Sheet>,
    );
    const sheet = screen.getByRole("dialog", { name: "Menu" });
    expect(sheet.className).toContain("inset-y-0");
    fireEvent.click(within(sheet).getByRole("button", { name: "Close" }));
    expect(onOpenChange).toHaveBeenCalledWith(false);
  });
});

describe("DropdownMenu (Radix)", () => {
  const menu = (onSelect = () => {}) => (
    <DropdownMenu label="More actions">
      <DropdownMenuLabel>ada@example.test</DropdownMenuLabel>
      <DropdownMenuItem onSelect={onSelect}>Duplicate</DropdownMenuItem>
      <DropdownMenuItem disabled>Archive</DropdownMenuItem>
      <DropdownMenuSeparator />
      <DropdownMenuItem href="/settings">Settings</DropdownMenuItem>
    </DropdownMenu>
  );

  it("renders a collapsed menu button with a focus ring", () => {
    const button = tag(html(menu()), "button");
    expect(button["aria-haspopup"]).toBe("menu");
    expect(button["aria-expanded"]).toBe("false");
    expect(button.class).toContain("focus-visible:ring-2");
  });

  it("opens from the keyboard onto its first item, and choosing an item closes it", () => {
    const onSelect = vi.fn();
    render(menu(onSelect));
    const trigger = screen.getByRole("button", { name: "More actions" });
    fireEvent.keyDown(trigger, { key: "Enter" });
    const items = screen.getAllByRole("menuitem");
    expect(items.map((i) => i.textContent)).toEqual(["Duplicate", "Archive", "Settings"]);
    expect(document.activeElement).toBe(items[0]);
    expect(items[1]!.getAttribute("aria-disabled")).toBe("true");
    expect(items[2]!.tagName).toBe("A");
    fireEvent.click(items[0]!);
    expect(onSelect).toHaveBeenCalledOnce();
    expect(screen.queryByRole("menu")).toBeNull();
    expect(trigger.getAttribute("aria-expanded")).toBe("false");
  });

  it("names an icon-only trigger", () => {
    expect(
      tag(
        html(
          <DropdownMenu label="⋯" triggerLabel="Row actions">
            {null}
          </DropdownMenu>,
        ),
        "button",
      )["aria-label"],
    ).toBe("Row actions");
  });
});

describe("Tabs (Radix)", () => {
  function Harness() {
    const [value, setValue] = useState<"one" | "list">("list");
    return (
      <Tabs
        label="How to add candidates"
        tabs={[
          { value: "one", label: "One candidate" },
          { value: "list", label: "Paste a list" },
        ]}
        value={value}
        onValueChange={setValue}
      >
        <p>Panel for {value}</p>
      </Tabs>
    );
  }

  it("the selected tab controls the labelled panel, and the list is named", () => {
    render(<Harness />);
    const selected = screen.getByRole("tab", { selected: true });
    expect(selected.textContent).toBe("Paste a list");
    const panel = screen.getByRole("tabpanel");
    expect(selected.getAttribute("aria-controls")).toBe(panel.id);
    expect(panel.getAttribute("aria-labelledby")).toBe(selected.id);
    expect(screen.getByRole("tablist").getAttribute("aria-label")).toBe("How to add candidates");
  });

  it("is one tab stop: only the focused, selected tab is in the tab order", () => {
    render(<Harness />);
    const selected = screen.getByRole("tab", { selected: true });
    act(() => selected.focus());
    expect(selected.tabIndex).toBe(0);
    expect(screen.getByRole("tab", { selected: false }).tabIndex).toBe(-1);
  });

  it("selects with the arrow keys, wrapping around, and Home/End", async () => {
    render(<Harness />);
    const selected = screen.getByRole("tab", { selected: true });
    act(() => selected.focus());
    fireEvent.keyDown(selected, { key: "ArrowRight" });
    await waitFor(() => expect(screen.getByRole("tab", { selected: true }).textContent).toBe("One candidate"));
    expect(screen.getByRole("tabpanel").textContent).toBe("Panel for one");
    fireEvent.keyDown(document.activeElement!, { key: "End" });
    await waitFor(() => expect(screen.getByRole("tab", { selected: true }).textContent).toBe("Paste a list"));
  });
});

describe("Popover and Tooltip", () => {
  it("a popover opens from its trigger as a named dialog and closes on Escape", () => {
    render(
      <Popover label="Why this score" trigger={<button type="button">Why?</button>}>
        <p>Because.</p>
      </Popover>,
    );
    const trigger = screen.getByRole("button", { name: "Why?" });
    fireEvent.click(trigger);
    const panel = screen.getByRole("dialog", { name: "Why this score" });
    expect(panel.textContent).toBe("Because.");
    fireEvent.keyDown(panel, { key: "Escape" });
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("a tooltip shows on keyboard focus and leaves the trigger's own name alone", async () => {
    render(
      <TooltipProvider delayDuration={0}>
        <Tooltip content="Collapse the sidebar">
          <button type="button" aria-label="Collapse">
            «
          </button>
        </Tooltip>
      </TooltipProvider>,
    );
    const trigger = screen.getByRole("button", { name: "Collapse" });
    fireEvent.focus(trigger);
    expect((await screen.findByRole("tooltip")).textContent).toBe("Collapse the sidebar");
  });

  it("a disabled tooltip renders only its trigger", () => {
    expect(
      html(
        <Tooltip content="x" disabled>
          <button type="button">Go</button>
        </Tooltip>,
      ),
    ).toBe('<button type="button">Go</button>');
  });
});

describe("SelectMenu (Radix)", () => {
  it("shows the chosen option on a labelled trigger and lists the options with descriptions", () => {
    const onValueChange = vi.fn();
    render(
      <SelectMenu
        aria-label="Role"
        value="HR"
        onValueChange={onValueChange}
        options={[
          { value: "HR", label: "HR", description: "Builds interviews" },
          { value: "ADMIN", label: "Admin", description: "Runs the platform" },
        ]}
      />,
    );
    const trigger = screen.getByRole("combobox", { name: "Role" });
    expect(trigger.textContent).toContain("HR");
    fireEvent.keyDown(trigger, { key: "Enter" });
    const options = screen.getAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual(["HRBuilds interviews", "AdminRuns the platform"]);
    fireEvent.click(options[1]!);
    expect(onValueChange).toHaveBeenCalledWith("ADMIN");
  });
});

describe("Toasts (sonner)", () => {
  it("keep a polite, named live region in the page from the start", () => {
    render(<Toasts />);
    const region = screen.getByRole("region", { name: /Notifications/ });
    expect(region.getAttribute("aria-live")).toBe("polite");
  });

  it("show the title and description with the tone's colours, top right under the header", async () => {
    render(<Toasts />);
    act(() => {
      useToast().toast({ title: "Saved", description: "All changes kept.", tone: "success" });
    });
    const title = await screen.findByText("Saved");
    const toast = title.closest("[data-sonner-toast]")!;
    expect(toast.textContent).toContain("All changes kept.");
    expect(toast.className).toContain("bg-emerald-50");
    expect(toast.closest("[data-sonner-toaster]")!.getAttribute("data-y-position")).toBe("top");
    expect(screen.getByRole("button", { name: "Dismiss notification" })).toBeTruthy();
  });

  it("useToast outside the toaster is a harmless no-op", () => {
    expect(() => useToast().toast({ title: "Hi" })).not.toThrow();
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
