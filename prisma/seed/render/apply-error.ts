// A misaligned image is the prompt's scene with one specific, visible mistake. This turns a spec and an
// error kind into the spec that is actually drawn, plus the sentence a judge would give as its reason.
import {
  describeObject,
  SHAPES,
  TEXTURES,
  type TColor,
  type TErrorKind,
  type TPromptSpec,
  type TSceneObject,
  type TShape,
  type TSize,
  type TTexture,
} from "../prompts/spec";

export type TDrawn = { spec: TPromptSpec; detail: string };

// Stand-ins for a wrong object: everyday things that read clearly as a label.
const SUBSTITUTES = ["cat", "umbrella", "bicycle", "banana", "clock", "chair", "kite", "teddy bear", "toaster", "boat"];
const CONTRAST: Record<TColor, TColor> = {
  red: "blue",
  orange: "purple",
  yellow: "blue",
  green: "red",
  blue: "orange",
  purple: "yellow",
  pink: "green",
  brown: "blue",
  black: "white",
  white: "black",
  gray: "pink",
};
const OPPOSITE_SIZE: Record<TSize, TSize> = { small: "big", big: "small", long: "short", short: "long", tall: "short" };
const OTHER_ACTIONS = ["ignoring", "walking away from", "sleeping next to", "turning away from"];
const OPPOSITE_SIDE = { left: "right", right: "left", above: "below", below: "above", near: "near" } as const;
const SIDE_WORDS = { left: "left of", right: "right of", above: "above", below: "below", near: "near" } as const;

function pick<T>(items: readonly T[], n: number): T {
  return items[((n % items.length) + items.length) % items.length]!;
}

function cloneSpec(spec: TPromptSpec): TPromptSpec {
  return {
    objects: spec.objects.map((o) => ({ ...o })),
    ...(spec.relation ? { relation: { ...spec.relation } } : {}),
    ...(spec.action ? { action: spec.action } : {}),
  };
}

function differentShape(asked: TShape | undefined, variant: number): TShape {
  const others = SHAPES.filter((s) => s !== asked);
  return pick(others, variant * 5 + 3);
}

function differentTexture(asked: TTexture, variant: number): TTexture {
  return pick(
    TEXTURES.filter((t) => t !== asked),
    variant * 3 + 1,
  );
}

/**
 * Applies `error` to the prompt's spec. `variant` chooses among equivalent mistakes (which object goes
 * missing, one more or one fewer). An error the spec cannot show falls back to a missing or wrong object.
 */
export function applyError(spec: TPromptSpec, error: TErrorKind, variant: number): TDrawn {
  const drawn = cloneSpec(spec);
  const objs = drawn.objects;
  const nth = (pred: (o: TSceneObject) => boolean) => {
    const idx = objs.map((o, i) => (pred(o) ? i : -1)).filter((i) => i >= 0);
    return idx.length ? pick(idx, variant) : -1;
  };
  switch (error) {
    case "wrong_count": {
      const i = nth((o) => o.count >= 2);
      if (i < 0) break;
      const o = objs[i]!;
      const asked = o.count;
      o.count = variant % 2 === 0 || asked <= 1 ? asked + 1 : asked - 1;
      return { spec: drawn, detail: `wrong_count: ${o.count} ${o.noun} instead of ${asked}` };
    }
    case "wrong_color": {
      const i = nth((o) => !!o.color);
      if (i < 0) break;
      const o = objs[i]!;
      const asked = o.color!;
      o.color = CONTRAST[asked];
      return { spec: drawn, detail: `wrong_color: the ${o.noun} is ${o.color} instead of ${asked}` };
    }
    case "swapped_colors": {
      const colored = objs.filter((o) => o.color);
      const [a, b] = colored;
      if (!a || !b || a.color === b.color) break;
      [a.color, b.color] = [b.color, a.color];
      return { spec: drawn, detail: `swapped_colors: the ${a.noun} is ${a.color} and the ${b.noun} is ${b.color} (colours swapped)` };
    }
    case "wrong_position": {
      const r = drawn.relation;
      if (!r || r.kind === "near") break;
      const asked = r.kind;
      r.kind = OPPOSITE_SIDE[asked];
      const [s, o] = [objs[r.subject]!.noun, objs[r.object]!.noun];
      return { spec: drawn, detail: `wrong_position: the ${s} is ${SIDE_WORDS[r.kind]} the ${o}, not ${SIDE_WORDS[asked]} it` };
    }
    case "wrong_shape": {
      const i = nth((o) => !!o.shape || !!o.size);
      if (i < 0) break;
      const o = objs[i]!;
      if (o.shape) {
        const asked = o.shape;
        o.shape = differentShape(asked, variant);
        return { spec: drawn, detail: `wrong_shape: the ${o.noun} is a ${o.shape} instead of a ${asked}` };
      }
      const asked = o.size!;
      o.size = OPPOSITE_SIZE[asked];
      return { spec: drawn, detail: `wrong_shape: the ${o.noun} is ${o.size} instead of ${asked}` };
    }
    case "wrong_texture": {
      const i = nth((o) => !!o.texture);
      if (i < 0) break;
      const o = objs[i]!;
      const asked = o.texture!;
      o.texture = differentTexture(asked, variant);
      return { spec: drawn, detail: `wrong_texture: the ${o.noun} is ${o.texture} instead of ${asked}` };
    }
    case "wrong_action": {
      if (!drawn.action) break;
      const asked = drawn.action;
      drawn.action = pick(OTHER_ACTIONS, variant);
      return { spec: drawn, detail: `wrong_action: "${drawn.action}" instead of "${asked}"` };
    }
    case "missing_object": {
      if (objs.length < 2) break;
      const i = pick(
        objs.map((_, k) => k),
        variant + 1,
      );
      const [gone] = objs.splice(i, 1);
      delete drawn.relation;
      delete drawn.action;
      return { spec: drawn, detail: `missing_object: no ${gone!.noun} in the image` };
    }
    case "wrong_object":
      break;
  }
  return substituteObject(drawn, variant);
}

function substituteObject(drawn: TPromptSpec, variant: number): TDrawn {
  const o = drawn.objects[0]!;
  const asked = describeObject(o);
  o.noun = pick(
    SUBSTITUTES.filter((s) => s !== o.noun),
    variant * 7 + o.noun.length,
  );
  return { spec: drawn, detail: `wrong_object: drew ${describeObject(o)} instead of ${asked}` };
}
