// What a prompt asks for, in a form both the simulator and the renderer read: objects with counts and
// attributes, an optional spatial relation and an optional action. Stored as the prompt's `spec`.

export const COLORS = {
  red: "#d62828",
  orange: "#f77f00",
  yellow: "#f4c20d",
  green: "#2a9d4b",
  blue: "#1f5fd1",
  purple: "#7b3fb3",
  pink: "#f06aa8",
  brown: "#8b5a2b",
  black: "#1b1b1b",
  white: "#ffffff",
  gray: "#8d8d8d",
} as const;
export type TColor = keyof typeof COLORS;

export const SHAPES = [
  "circle",
  "square",
  "rectangle",
  "triangle",
  "oval",
  "teardrop",
  "pentagon",
  "hexagon",
  "diamond",
  "cylinder",
  "cone",
  "star",
  "heart",
] as const;
export type TShape = (typeof SHAPES)[number];

export const TEXTURES = ["wooden", "metallic", "glass", "fluffy", "rubber", "leather", "fabric", "plastic"] as const;
export type TTexture = (typeof TEXTURES)[number];

export const SIZES = ["small", "big", "long", "short", "tall"] as const;
export type TSize = (typeof SIZES)[number];

export type TSceneObject = { noun: string; count: number; color?: TColor; shape?: TShape; texture?: TTexture; size?: TSize };

/** `subject` is placed `kind` of `object` ("a dog right of a teddy bear": dog right of bear). */
export type TRelation = { kind: "left" | "right" | "above" | "below" | "near"; subject: number; object: number };

export type TPromptSpec = { objects: TSceneObject[]; relation?: TRelation; action?: string };

export const ERROR_KINDS = [
  "missing_object",
  "wrong_object",
  "wrong_count",
  "wrong_color",
  "swapped_colors",
  "wrong_position",
  "wrong_shape",
  "wrong_texture",
  "wrong_action",
] as const;
export type TErrorKind = (typeof ERROR_KINDS)[number];

/** The errors an image of this prompt can visibly make, most characteristic first. */
export function listApplicableErrors(spec: TPromptSpec): TErrorKind[] {
  const kinds: TErrorKind[] = [];
  const { objects } = spec;
  if (objects.some((o) => o.count >= 2)) kinds.push("wrong_count");
  const colored = objects.filter((o) => o.color);
  if (colored.length >= 2 && new Set(colored.map((o) => o.color)).size >= 2) kinds.push("swapped_colors");
  if (colored.length > 0) kinds.push("wrong_color");
  if (spec.relation && spec.relation.kind !== "near") kinds.push("wrong_position");
  if (objects.some((o) => o.shape || o.size)) kinds.push("wrong_shape");
  if (objects.some((o) => o.texture)) kinds.push("wrong_texture");
  if (spec.action) kinds.push("wrong_action");
  kinds.push(objects.length >= 2 ? "missing_object" : "wrong_object");
  return kinds;
}

/** "2 clocks", "a blue fire hydrant": how the renderer and judges name an object. */
export function describeObject(o: TSceneObject): string {
  const attrs = [o.size, o.color, o.shape, o.texture].filter(Boolean).join(" ");
  const head = o.count === 1 ? "a" : String(o.count);
  return `${head} ${attrs ? `${attrs} ` : ""}${o.noun}`;
}

/**
 * Difficulty tier from what the prompt asks: each extra object, a relation, an action, a count above
 * two and every attribute beyond the first add to the load.
 */
export function tierOfSpec(spec: TPromptSpec): "easy" | "medium" | "hard" {
  const attributes = spec.objects.reduce((n, o) => n + [o.color, o.shape, o.texture, o.size].filter(Boolean).length, 0);
  const load =
    spec.objects.length - 1 + (spec.relation ? 1 : 0) + (spec.action ? 1 : 0) + (spec.objects.some((o) => o.count > 2) ? 1 : 0) + Math.max(0, attributes - 1);
  return load <= 0 ? "easy" : load <= 2 ? "medium" : "hard";
}
