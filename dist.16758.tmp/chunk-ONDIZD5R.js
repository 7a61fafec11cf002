// client-runtime/auth.ts
var LOOPBACK = /* @__PURE__ */ new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);
function isLoopback(hostname) {
  return LOOPBACK.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}
function insecureReason(url) {
  if (url.protocol === "https:" || url.protocol === "http:" && isLoopback(url.hostname)) return void 0;
  return `refusing to send a bearer token over ${url.protocol.replace(":", "")} to ${url.host}: use https:// (plain http is allowed only to loopback)`;
}

export {
  isLoopback,
  insecureReason
};
