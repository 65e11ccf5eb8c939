import { describe, expect, it } from "vitest";
import { playedFraction, playerCommand } from "@/components/review/player-controls";

const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean }> = {}) => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

const ranges = (...pairs: [number, number][]) => ({ length: pairs.length, start: (i: number) => pairs[i]![0], end: (i: number) => pairs[i]![1] });

describe("playerCommand", () => {
  it.each([
    [" ", { kind: "toggle" }],
    ["k", { kind: "toggle" }],
    ["K", { kind: "toggle" }],
    ["j", { kind: "skip", seconds: -10 }],
    ["l", { kind: "skip", seconds: 10 }],
    ["n", { kind: "answer", step: 1 }],
    ["p", { kind: "answer", step: -1 }],
  ])("maps %j", (k, expected) => {
    expect(playerCommand(key(k))).toEqual(expected);
  });

  it("goes to the previous answer with Shift+N and leaves browser shortcuts and other keys alone", () => {
    expect(playerCommand(key("N", { shiftKey: true }))).toEqual({ kind: "answer", step: -1 });
    expect(playerCommand(key("l", { ctrlKey: true }))).toBeNull();
    expect(playerCommand(key("k", { metaKey: true }))).toBeNull();
    expect(playerCommand(key("ArrowLeft"))).toBeNull();
    expect(playerCommand(key("Tab"))).toBeNull();
  });
});

describe("playedFraction", () => {
  it("sums the played ranges over the duration", () => {
    expect(playedFraction(ranges([0, 30], [40, 100]), 100)).toBeCloseTo(0.9);
    expect(playedFraction(ranges([0, 50]), 100)).toBeCloseTo(0.5);
  });

  it("is 0 without a known duration and never above 1", () => {
    expect(playedFraction(ranges([0, 10]), Number.POSITIVE_INFINITY)).toBe(0);
    expect(playedFraction(ranges([0, 10]), 0)).toBe(0);
    expect(playedFraction(ranges([0, 10.2]), 10)).toBe(1);
  });
});
