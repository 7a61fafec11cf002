// client-runtime/pipeline.ts
var NULL_BODY_STATUSES = /* @__PURE__ */ new Set([101, 103, 204, 205, 304]);
function responseHasBody(method, status) {
  return !NULL_BODY_STATUSES.has(status) && method !== "HEAD";
}

// client-runtime/transport.ts
var DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
var ResponseTooLarge = class extends Error {
  name = "ResponseTooLarge";
  /** Not a network failure: never retried. */
  code = "RESPONSE_TOO_LARGE";
  status;
  /** Lower-case header names. */
  headers;
  maxResponseBytes;
  /** The Content-Length the response announced, when that alone was over the limit. */
  contentLength;
  constructor(status, headers, maxResponseBytes, contentLength2) {
    super(contentLength2 === void 0 ? `the ${status} response body exceeded maxResponseBytes (${maxResponseBytes})` : `the ${status} response announced ${contentLength2} bytes, more than maxResponseBytes (${maxResponseBytes})`);
    this.status = status;
    this.headers = headers;
    this.maxResponseBytes = maxResponseBytes;
    this.contentLength = contentLength2;
  }
};
function contentLength(headers) {
  const value = headers["content-length"];
  const length = value === void 0 || value.trim() === "" ? NaN : Number(value);
  return Number.isSafeInteger(length) && length >= 0 ? length : void 0;
}
function announcedTooLarge(request, status, headers, limit) {
  const length = contentLength(headers);
  return length !== void 0 && length > limit && responseHasBody(request.method, status) ? new ResponseTooLarge(status, headers, limit, length) : void 0;
}
function fetchTransport(fetchImpl, options = {}) {
  const limit = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  return async (request) => {
    const response = await fetchImpl(new Request(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: request.signal
    }));
    const headers = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const refused = announcedTooLarge(request, response.status, headers, limit);
    if (refused) {
      await response.body?.cancel().catch(() => {
      });
      throw refused;
    }
    const body = await readBody(response.body, limit, request.signal, () => new ResponseTooLarge(response.status, headers, limit));
    return { status: response.status, headers, body };
  };
}
async function readBody(body, limit, signal, tooLarge) {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const onAbort = () => void reader.cancel(signal.reason).catch(() => {
  });
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const chunks = [];
    let received = 0;
    for (; ; ) {
      if (signal?.aborted) throw signal.reason;
      let next;
      try {
        next = await reader.read();
      } catch (error) {
        throw signal?.aborted ? signal.reason : error;
      }
      if (signal?.aborted) throw signal.reason;
      if (next.done) return concat(chunks);
      received += next.value.byteLength;
      if (received > limit) {
        await reader.cancel().catch(() => {
        });
        throw tooLarge();
      }
      chunks.push(next.value);
    }
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
}
function isNode() {
  const proc = globalThis.process;
  return typeof proc?.versions?.node === "string";
}
function concat(chunks) {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
function nodeTransport(options = {}) {
  const limit = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  let loaded;
  const load = () => loaded ??= Promise.all([import("node:http"), import("node:https")]).then(([httpModule, httpsModule]) => {
    const http = httpModule;
    const https = httpsModule;
    return {
      http: { module: http, agent: new http.Agent({ keepAlive: true }) },
      https: { module: https, agent: new https.Agent({ keepAlive: true, ...options.ca ? { ca: options.ca } : {} }) }
    };
  });
  return async (request) => {
    const connections = await load();
    return send(request.url.startsWith("https:") ? connections.https : connections.http, request, limit);
  };
}
function send({ module, agent }, request, limit) {
  return new Promise((resolve, reject) => {
    const { signal } = request;
    if (signal?.aborted) return reject(signal.reason);
    const headers = { ...request.headers };
    if (request.body) headers["content-length"] = String(request.body.byteLength);
    else if (request.method !== "GET" && request.method !== "HEAD") headers["content-length"] = "0";
    const fail = (error) => {
      signal?.removeEventListener("abort", onAbort);
      req.destroy();
      reject(error);
    };
    const onAbort = () => fail(signal.reason);
    const req = module.request(request.url, { method: request.method, headers, agent }, (res) => {
      const status = res.statusCode ?? 0;
      const flat = {};
      for (const [name, value] of Object.entries(res.headers)) {
        if (value !== void 0) flat[name] = Array.isArray(value) ? value.join(", ") : value;
      }
      const refused = announcedTooLarge(request, status, flat, limit);
      if (refused) return fail(refused);
      const chunks = [];
      let received = 0;
      res.on("data", (chunk) => {
        received += chunk.byteLength;
        if (received > limit) return fail(new ResponseTooLarge(status, flat, limit));
        chunks.push(chunk);
      });
      res.on("error", fail);
      res.on("end", () => {
        signal?.removeEventListener("abort", onAbort);
        resolve({ status, headers: flat, body: concat(chunks) });
      });
    });
    req.on("error", fail);
    signal?.addEventListener("abort", onAbort, { once: true });
    req.end(request.body);
  });
}
function defaultTransport(options) {
  const { maxResponseBytes } = options;
  if (options.fetch) return fetchTransport(options.fetch, { maxResponseBytes });
  if (isNode()) return nodeTransport({ ca: options.ca, maxResponseBytes });
  return fetchTransport((input) => fetch(input), { maxResponseBytes });
}

export {
  responseHasBody,
  DEFAULT_MAX_RESPONSE_BYTES,
  ResponseTooLarge,
  defaultTransport
};
