/**
 * Gathers calls made while one is running into one statement (group commit): the first call
 * runs at once, the calls that arrive meanwhile run together next, at most `max` a statement.
 * `run` gets the calls' inputs and returns one output per input, in order. A failure fails
 * every call of that statement (it was one statement: none of it was stored).
 */
export function coalesce<I, O>(run: (inputs: I[]) => Promise<O[]>, max = 1000): (input: I) => Promise<O> {
  type Call = { input: I; resolve: (o: O) => void; reject: (e: unknown) => void };
  const waiting: Call[] = [];
  let busy = false;
  const drain = async () => {
    while (waiting.length) {
      const calls = waiting.splice(0, max);
      try {
        const outputs = await run(calls.map((c) => c.input));
        calls.forEach((c, i) => c.resolve(outputs[i]!));
      } catch (error) {
        for (const c of calls) c.reject(error);
      }
    }
    busy = false;
  };
  return (input) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ input, resolve, reject });
      if (busy) return;
      busy = true;
      // After the current microtasks, so calls started in one loop go together.
      queueMicrotask(() => void drain());
    });
}
