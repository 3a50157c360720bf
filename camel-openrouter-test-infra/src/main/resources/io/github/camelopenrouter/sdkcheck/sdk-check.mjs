// Checks JSON documents against the zod schemas of OpenRouter's official TypeScript SDK.
// One JSON request per stdin line: {"id":1,"schema":"ChatRequest","direction":"outbound"|"inbound","value":{...}}
// One JSON answer per stdout line:  {"id":1,"ok":true} or {"id":1,"ok":false,"problems":["..."]}
//
// inbound:  the SDK parses what the server sent (snake_case wire JSON) with X$inboundSchema.
// outbound: the SDK's X$outboundSchema turns its camelCase input into the wire JSON. To ask "would the SDK send exactly
//           this?", the wire JSON is mapped back to the SDK's input guided by the schema itself (each object's renames
//           are read from its own transform), parsed, and the SDK's output must equal the wire JSON unchanged.
import * as readline from "node:readline";

const models = await import("@openrouter/sdk/models");
const ops = await import("@openrouter/sdk/models/operations");

function schemaNamed(name, direction) {
  const key = `${name}$${direction}Schema`;
  const schema = models[key] ?? ops[key];
  if (!schema) throw new Error(`the SDK has no ${key}`);
  return schema;
}

const def = (s) => s?._zod?.def;
const renameCache = new WeakMap();

// camelCase input key -> wire key, read from an object schema's remap transform
function renamesOf(pipe) {
  if (renameCache.has(pipe)) return renameCache.get(pipe);
  const d = def(pipe);
  const shape = def(d.in).shape;
  const probe = {};
  for (const k of Object.keys(shape)) probe[k] = k;
  let out = probe;
  try {
    out = def(d.out).transform({ ...probe }, { issues: [], value: probe });
  } catch (e) {
    out = probe;
  }
  const wireToInput = {};
  for (const [wireKey, inputKey] of Object.entries(out ?? {})) wireToInput[wireKey] = inputKey;
  renameCache.set(pipe, wireToInput);
  return wireToInput;
}

// wire paths where the SDK fills in a default for an absent field: an added default is not a change
let defaultedPaths = new Set();

function objectToInput(shape, wireToInput, value, path) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const input = {};
  for (const [wireKey, v] of Object.entries(value)) {
    const inputKey = wireToInput[wireKey] ?? wireKey;
    input[inputKey] = shape[inputKey] ? toInput(shape[inputKey], v, `${path}.${wireKey}`) : v;
  }
  const inputToWire = Object.fromEntries(Object.entries(wireToInput).map(([w, i]) => [i, w]));
  for (const [inputKey, fieldSchema] of Object.entries(shape)) {
    if (!(inputKey in input) && def(fieldSchema)?.type === "default") {
      defaultedPaths.add(`${path}.${inputToWire[inputKey] ?? inputKey}`);
    }
  }
  return input;
}

function toInput(schema, value, path = "") {
  const d = def(schema);
  if (!d) return value;
  switch (d.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return value === null || value === undefined ? value : toInput(d.innerType, value, path);
    case "lazy":
      return toInput(d.getter(), value, path);
    case "pipe":
      if (def(d.in)?.type === "object" && def(d.out)?.type === "transform") {
        return objectToInput(def(d.in).shape, renamesOf(schema), value, path);
      }
      return toInput(d.in, value, path);
    case "object":
      return objectToInput(d.shape, {}, value, path);
    case "array":
      return Array.isArray(value) ? value.map((v, i) => toInput(d.element, v, `${path}[${i}]`)) : value;
    case "record":
      if (value === null || typeof value !== "object") return value;
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toInput(d.valueType, v, `${path}.${k}`)]));
    case "union": {
      let firstParsed;
      const outer = defaultedPaths;
      for (const option of d.options) {
        defaultedPaths = new Set(outer);
        const candidate = toInput(option, value, path);
        const parsed = option.safeParse(candidate);
        if (parsed.success) {
          if (firstDifference(value, JSON.parse(JSON.stringify(parsed.data)), "") === null) {
            const chosen = defaultedPaths;
            defaultedPaths = new Set([...outer, ...[...chosen].map((p) => p)]);
            return candidate;
          }
          firstParsed ??= { candidate, paths: defaultedPaths };
        }
      }
      defaultedPaths = firstParsed ? firstParsed.paths : outer;
      return firstParsed ? firstParsed.candidate : value;
    }
    default:
      return value;
  }
}

function canonical(v) {
  if (v === undefined) return "undefined";
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  if (Array.isArray(v)) return "[" + v.map(canonical).join(",") + "]";
  return "{" + Object.keys(v).filter((k) => v[k] !== undefined).sort()
      .map((k) => JSON.stringify(k) + ":" + canonical(v[k])).join(",") + "}";
}

function firstDifference(expected, actual, path) {
  if (canonical(expected) === canonical(actual)) return null;
  if (expected === undefined && defaultedPaths.has(path)) return null;
  if (expected && actual && typeof expected === "object" && typeof actual === "object"
      && Array.isArray(expected) === Array.isArray(actual)) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const k of keys) {
      const diff = firstDifference(expected[k], actual[k], `${path}${Array.isArray(expected) ? `[${k}]` : `.${k}`}`);
      if (diff) return diff;
    }
    return null;
  }
  const show = (v) => (v === undefined ? "(absent)" : JSON.stringify(v)?.slice(0, 200));
  return `${path || "$"}: sent ${show(expected)}, the SDK would send ${show(actual)}`;
}

function issues(error) {
  return error.issues.slice(0, 20).map((i) => `${i.path.length ? i.path.join(".") : "$"}: ${i.message}`);
}

function check({ schema, direction, value }) {
  const zodSchema = schemaNamed(schema, direction);
  if (direction === "inbound") {
    const parsed = zodSchema.safeParse(value);
    return parsed.success ? [] : issues(parsed.error);
  }
  defaultedPaths = new Set();
  const parsed = zodSchema.safeParse(toInput(zodSchema, value));
  if (!parsed.success) return issues(parsed.error);
  const diff = firstDifference(value, JSON.parse(JSON.stringify(parsed.data)), "");
  return diff ? [diff] : [];
}

const lines = readline.createInterface({ input: process.stdin, terminal: false });
for await (const line of lines) {
  if (!line.trim()) continue;
  let id = null;
  try {
    const request = JSON.parse(line);
    id = request.id;
    const problems = check(request);
    process.stdout.write(JSON.stringify({ id, ok: problems.length === 0, problems }) + "\n");
  } catch (e) {
    process.stdout.write(JSON.stringify({ id, ok: false, problems: [String(e?.message ?? e)] }) + "\n");
  }
}
