import { describe, expect, it } from "vitest";
import { nextArgs } from "@/scripts/next-args";

describe("the launcher's next command line (finding 7)", () => {
  it("binds development to 127.0.0.1 unless HOST is set", () => {
    expect(nextArgs("dev", {})).toEqual(["dev", "--port", "3000", "--hostname", "127.0.0.1"]);
    expect(nextArgs("dev", { HOST: "0.0.0.0", PORT: "4000" })).toEqual(["dev", "--port", "4000", "--hostname", "0.0.0.0"]);
  });

  it("lets production listen where HOST says, or everywhere", () => {
    expect(nextArgs("start", {})).toEqual(["start", "--port", "3000"]);
    expect(nextArgs("start", { HOST: "10.0.0.5" })).toEqual(["start", "--port", "3000", "--hostname", "10.0.0.5"]);
  });
});
