// A 5×7 pixel font drawn as one SVG path, so labels render the same everywhere without system fonts
// (resvg would otherwise need font files, and different fonts would change every image's hash).
const GLYPHS: Record<string, string> = {
  A: ".###.#...##...#######...##...##...#",
  B: "####.#...##...#####.#...##...#####.",
  C: ".###.#...##....#....#....#...#.###.",
  D: "####.#...##...##...##...##...#####.",
  E: "######....#....####.#....#....#####",
  F: "######....#....####.#....#....#....",
  G: ".###.#...##....#.####...##...#.####",
  H: "#...##...##...#######...##...##...#",
  I: ".###...#....#....#....#....#...###.",
  J: "..###...#....#....#....#.#..#..##..",
  K: "#...##..#.#.#..##...#.#..#..#.#...#",
  L: "#....#....#....#....#....#....#####",
  M: "#...###.###.#.##.#.##...##...##...#",
  N: "#...##...###..##.#.##..###...##...#",
  O: ".###.#...##...##...##...##...#.###.",
  P: "####.#...##...#####.#....#....#....",
  Q: ".###.#...##...##...##.#.##..#..##.#",
  R: "####.#...##...#####.#.#..#..#.#...#",
  S: ".#####....#.....###.....#....#####.",
  T: "#####..#....#....#....#....#....#..",
  U: "#...##...##...##...##...##...#.###.",
  V: "#...##...##...##...##...#.#.#...#..",
  W: "#...##...##...##.#.##.#.##.#.#.#.#.",
  X: "#...##...#.#.#...#...#.#.#...##...#",
  Y: "#...##...#.#.#...#....#....#....#..",
  Z: "#####....#...#...#...#...#....#####",
  "0": ".###.#...##..###.#.###..##...#.###.",
  "1": "..#...##....#....#....#....#...###.",
  "2": ".###.#...#....#...#...#...#...#####",
  "3": "####.....#....#.###.....#....#####.",
  "4": "...#...##..#.#.#..#.#####...#....#.",
  "5": "######....####.....#....##...#.###.",
  "6": ".###.#....#....####.#...##...#.###.",
  "7": "#####....#...#...#...#....#....#...",
  "8": ".###.#...##...#.###.#...##...#.###.",
  "9": ".###.#...##...#.####....#....#.###.",
  "-": "................###................",
  ".": "..........................##...##..",
  "'": "..#....#...........................",
  "/": "....#...#....#...#...#....#...#....",
  " ": ".".repeat(35),
};
export const GLYPH_WIDTH = 6; // 5 pixels and a space
export const GLYPH_HEIGHT = 7;

export function measureText(text: string, scale: number): number {
  return Math.max(0, text.length * GLYPH_WIDTH - 1) * scale;
}

/** The path data of `text` in capitals with its top-left corner at (x, y); unknown characters are blank. */
export function textPath(text: string, x: number, y: number, scale: number): string {
  const parts: string[] = [];
  [...text.toUpperCase()].forEach((char, k) => {
    const glyph = GLYPHS[char] ?? GLYPHS[" "]!;
    for (let row = 0; row < GLYPH_HEIGHT; row++) {
      let col = 0;
      while (col < 5) {
        if (glyph[row * 5 + col] !== "#") {
          col++;
          continue;
        }
        let end = col;
        while (end < 5 && glyph[row * 5 + end] === "#") end++;
        const px = round(x + (k * GLYPH_WIDTH + col) * scale);
        const py = round(y + row * scale);
        parts.push(`M${px} ${py}h${round((end - col) * scale)}v${round(scale)}h${round(-(end - col) * scale)}z`);
        col = end;
      }
    }
  });
  return parts.join("");
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
