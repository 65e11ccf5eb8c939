import { describe, expect, it } from "vitest";
import { allMessages, optionalNumber, requiredNumber } from "@/components/forms/field-values";

describe("number inputs", () => {
  it("turn an empty optional setting into null and an empty required number into NaN, numbers into numbers", () => {
    expect(optionalNumber("")).toBeNull();
    expect(optionalNumber("  ")).toBeNull();
    expect(optionalNumber("90")).toBe(90);
    expect(optionalNumber(45)).toBe(45);
    expect(requiredNumber("")).toBeNaN();
    expect(requiredNumber("0.25")).toBe(0.25);
  });
});

describe("allMessages", () => {
  it("lists every message of a field checked with criteriaMode all, one or many per kind", () => {
    expect(
      allMessages({
        type: "custom",
        message: "line 2: the email is missing",
        types: { custom: ["line 2: the email is missing", "line 3: write it as name, email"], too_big: "The list is too long" },
      }),
    ).toEqual(["line 2: the email is missing", "line 3: write it as name, email", "The list is too long"]);
  });

  it("falls back to the one message, and to none without an error", () => {
    expect(allMessages({ type: "server", message: "Paste at least one line" })).toEqual(["Paste at least one line"]);
    expect(allMessages(undefined)).toEqual([]);
  });
});
