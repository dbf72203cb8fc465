import sharp from "sharp";
import { describe, expect, it } from "vitest";

import { COLORS, ERROR_KINDS, type TPromptSpec } from "../prompts/spec";
import { applyError } from "./apply-error";
import { layoutScene } from "./layout";
import { renderImage } from "./render-image";

const twoColored: TPromptSpec = {
  objects: [
    { noun: "car", count: 1, color: "red" },
    { noun: "cup", count: 1, color: "blue" },
  ],
};
const counting: TPromptSpec = { objects: [{ noun: "clock", count: 3 }] };
const position: TPromptSpec = {
  objects: [
    { noun: "kite", count: 1 },
    { noun: "dog", count: 1 },
  ],
  relation: { kind: "left", subject: 1, object: 0 },
};
const shaped: TPromptSpec = {
  objects: [
    { noun: "plum", count: 1, shape: "teardrop" },
    { noun: "box", count: 1, texture: "wooden" },
  ],
};
const action: TPromptSpec = {
  objects: [
    { noun: "person", count: 1 },
    { noun: "map", count: 1 },
  ],
  action: "looking at",
};

describe("layoutScene", () => {
  it("draws every instance of every object, in its colour, with a label per object", () => {
    const scene = layoutScene({ objects: [...twoColored.objects, { noun: "clock", count: 3 }] }, 0);
    expect(scene.items).toHaveLength(5);
    expect(scene.items.slice(0, 2).map((i) => i.fill)).toEqual([COLORS.red, COLORS.blue]);
    expect(scene.labels.map((l) => l.text)).toEqual(["car", "cup", "clock"]);
  });

  it("puts the subject of a relation on the asked side", () => {
    const scene = layoutScene(position, 0);
    const [kite, dog] = scene.items;
    expect(dog!.cx).toBeLessThan(kite!.cx);
    const above = layoutScene({ ...position, relation: { kind: "above", subject: 1, object: 0 } }, 1).items;
    expect(above[1]!.cy).toBeLessThan(above[0]!.cy);
  });

  it("writes an action over an arrow between the two objects", () => {
    const scene = layoutScene(action, 0);
    expect(scene.arrows).toHaveLength(1);
    expect(scene.labels.map((l) => l.text)).toContain("looking at");
  });
});

describe("applyError", () => {
  it("makes each kind of mistake visibly and names it in the detail", () => {
    expect(applyError(twoColored, "missing_object", 0).spec.objects).toHaveLength(1);
    expect(applyError(counting, "wrong_count", 0).spec.objects[0]!.count).toBe(4);
    expect(applyError(counting, "wrong_count", 1).spec.objects[0]!.count).toBe(2);
    expect(applyError(twoColored, "wrong_color", 0).spec.objects.map((o) => o.color)).not.toEqual(["red", "blue"]);
    expect(applyError(twoColored, "swapped_colors", 0).spec.objects.map((o) => o.color)).toEqual(["blue", "red"]);
    expect(applyError(position, "wrong_position", 0).spec.relation?.kind).toBe("right");
    expect(applyError(shaped, "wrong_shape", 0).spec.objects[0]!.shape).not.toBe("teardrop");
    expect(applyError(shaped, "wrong_texture", 0).spec.objects[1]!.texture).not.toBe("wooden");
    expect(applyError(action, "wrong_action", 0).spec.action).not.toBe("looking at");
    expect(applyError(counting, "wrong_object", 0).spec.objects[0]!.noun).not.toBe("clock");
    for (const kind of ERROR_KINDS) {
      const { detail } = applyError({ ...shaped, ...twoColored, relation: position.relation, action: "holding" }, kind, 0);
      expect(detail.split(":")[0]).toMatch(
        /^(missing_object|wrong_object|wrong_count|wrong_color|swapped_colors|wrong_position|wrong_shape|wrong_texture|wrong_action)$/,
      );
    }
  });

  it("falls back to a wrong object when the prompt cannot show the asked error", () => {
    expect(applyError({ objects: [{ noun: "cow", count: 1 }] }, "wrong_color", 0).detail).toMatch(/^wrong_object: drew a \S+ instead of a cow$/);
  });

  it("never changes the prompt's own spec", () => {
    const before = JSON.stringify(twoColored);
    applyError(twoColored, "swapped_colors", 0);
    expect(JSON.stringify(twoColored)).toBe(before);
  });
});

describe("renderImage", () => {
  it("renders a 256-pixel PNG, byte-identical for the same request and different for an error", async () => {
    const a = await renderImage({ spec: twoColored, variant: 0, error: null });
    const b = await renderImage({ spec: twoColored, variant: 0, error: null });
    const wrong = await renderImage({ spec: twoColored, variant: 0, error: "wrong_color" });
    expect(a.png.equals(b.png)).toBe(true);
    expect(a.png.equals(wrong.png)).toBe(false);
    expect(wrong.detail).toMatch(/^wrong_color:/);
    const meta = await sharp(a.png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", 256, 256]);
  });

  it("paints the asked colour where the object is drawn", async () => {
    const { png } = await renderImage({ spec: { objects: [{ noun: "car", count: 1, color: "red" }] }, variant: 0, error: null });
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    const item = layoutScene({ objects: [{ noun: "car", count: 1, color: "red" }] }, 0).items[0]!;
    const offset = (Math.round(item.cy) * info.width + Math.round(item.cx)) * info.channels;
    expect([...data.subarray(offset, offset + 3)]).toEqual([0xd6, 0x28, 0x28]);
  });
});
