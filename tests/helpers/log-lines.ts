import { vi } from 'vitest';

/**
 * The JSON lines lib/log.ts writes to stdout while a test runs, parsed; stdout is held back meanwhile.
 * `restore()` in afterAll/afterEach.
 */
export function captureLogLines() {
  const raw: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    raw.push(
      ...String(chunk)
        .split('\n')
        .filter((line) => line.startsWith('{')),
    );
    return true;
  });
  return {
    raw,
    lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>),
    clear: () => void raw.splice(0),
    restore: () => spy.mockRestore(),
  };
}
