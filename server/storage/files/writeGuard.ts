/**
 * What the embedded stores call before each write to the data directory. The default lets every
 * write through; tests pass one that throws (as a read-only or full disk would) to prove that a
 * failing disk turns into clear errors and retries, and that nothing is lost once it is back.
 * (A read-only directory cannot simulate it where tests run as root: root writes anyway.)
 */
export type WriteGuard = (path: string) => void;

export const ALLOW_WRITES: WriteGuard = () => undefined;
