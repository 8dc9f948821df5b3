// `server-only` throws outside React Server Components; the benchmark calls data-access code directly in Node.
export {};
