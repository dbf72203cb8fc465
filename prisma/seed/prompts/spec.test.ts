import { describe, expect, it } from "vitest";

import { specFromCompBench } from "./compbench-spec";
import { specFromGenEval } from "./geneval-spec";
import { listApplicableErrors, tierOfSpec } from "./spec";

describe("specFromGenEval", () => {
  it("keeps counts, colours and the position of the object that has one", () => {
    expect(specFromGenEval({ tag: "counting", prompt: "a photo of four handbags", include: [{ class: "handbag", count: 4 }] })).toEqual({
      objects: [{ noun: "handbag", count: 4 }],
    });
    const position = specFromGenEval({
      tag: "position",
      prompt: "a photo of a dog right of a teddy bear",
      include: [
        { class: "teddy bear", count: 1 },
        { class: "dog", count: 1, position: ["right of", 0] },
      ],
    });
    expect(position.relation).toEqual({ kind: "right", subject: 1, object: 0 });
    const colors = specFromGenEval({
      tag: "color_attr",
      prompt: "a photo of a purple wine glass and a black apple",
      include: [
        { class: "wine glass", count: 1, color: "purple" },
        { class: "apple", count: 1, color: "black" },
      ],
    });
    expect(colors.objects.map((o) => o.color)).toEqual(["purple", "black"]);
  });
});

describe("specFromCompBench", () => {
  it.each([
    [
      "a green bench and a blue bowl",
      [
        { noun: "bench", count: 1, color: "green" },
        { noun: "bowl", count: 1, color: "blue" },
      ],
    ],
    [
      "a red bench and a green orange",
      [
        { noun: "bench", count: 1, color: "red" },
        { noun: "orange", count: 1, color: "green" },
      ],
    ],
    [
      "an oblong cucumber and a teardrop plum",
      [
        { noun: "cucumber", count: 1, shape: "oval" },
        { noun: "plum", count: 1, shape: "teardrop" },
      ],
    ],
    [
      "a metallic desk lamp and a fluffy sweater",
      [
        { noun: "desk lamp", count: 1, texture: "metallic" },
        { noun: "sweater", count: 1, texture: "fluffy" },
      ],
    ],
    [
      "The sleek black sports car drove past the bulky grey SUV.",
      [
        { noun: "sports car", count: 1, color: "black" },
        { noun: "bulky suv", count: 1, color: "gray" },
      ],
    ],
  ])("reads the objects and attributes of %s", (text, objects) => {
    expect(specFromCompBench(text).objects).toEqual(objects);
  });

  it("reads a spatial relation between the phrases around it", () => {
    expect(specFromCompBench("a book on the left of a bird")).toEqual({
      objects: [
        { noun: "book", count: 1 },
        { noun: "bird", count: 1 },
      ],
      relation: { kind: "left", subject: 0, object: 1 },
    });
    expect(specFromCompBench("The red hat was on top of the brown coat rack.").relation).toEqual({ kind: "above", subject: 0, object: 1 });
  });

  it("reads the action of a person-and-thing prompt", () => {
    const spec = specFromCompBench("A person is looking at a rainbow and marveling at its beauty.");
    expect(spec.action).toBe("looking at");
    expect(spec.objects.slice(0, 2).map((o) => o.noun)).toEqual(["person", "rainbow"]);
  });
});

describe("listApplicableErrors and tierOfSpec", () => {
  it("offers the errors a picture of the prompt can visibly make, most characteristic first", () => {
    expect(listApplicableErrors({ objects: [{ noun: "clock", count: 3 }] })).toEqual(["wrong_count", "wrong_object"]);
    expect(
      listApplicableErrors({
        objects: [
          { noun: "a", count: 1, color: "red" },
          { noun: "b", count: 1, color: "blue" },
        ],
      }),
    ).toEqual(["swapped_colors", "wrong_color", "missing_object"]);
    expect(
      listApplicableErrors({
        objects: [
          { noun: "a", count: 1 },
          { noun: "b", count: 1 },
        ],
        relation: { kind: "near", subject: 0, object: 1 },
      }),
    ).toEqual(["missing_object"]);
  });

  it("grades prompts by how much they ask", () => {
    expect(tierOfSpec({ objects: [{ noun: "cow", count: 1 }] })).toBe("easy");
    expect(
      tierOfSpec({
        objects: [
          { noun: "cow", count: 1 },
          { noun: "cat", count: 1 },
        ],
        relation: { kind: "left", subject: 0, object: 1 },
      }),
    ).toBe("medium");
    expect(
      tierOfSpec({
        objects: [
          { noun: "a", count: 1, color: "red", texture: "glass" },
          { noun: "b", count: 1, color: "blue" },
        ],
        relation: { kind: "left", subject: 0, object: 1 },
      }),
    ).toBe("hard");
  });
});
