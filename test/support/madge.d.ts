// madge ships no types; the two calls test/architecture.test.ts makes.
declare module 'madge' {
  interface MadgeResult {
    circular(): string[][];
    obj(): Record<string, string[]>;
  }
  export default function madge(paths: string[], config: object): Promise<MadgeResult>;
}
