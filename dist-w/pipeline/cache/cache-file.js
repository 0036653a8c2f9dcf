// pipeline/cache/cache-file.ts
import { createHash } from "node:crypto";
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { deserialize, serialize } from "node:v8";
function sha256(data) {
  return createHash("sha256").update(data).digest("hex");
}
var NEWLINE = 10;
var V8_VERSION = process.versions.v8;
function encodeCacheFile(header, value) {
  const body = serialize(value);
  const head = Buffer.from(`${JSON.stringify({ ...header, v8: V8_VERSION, sha256: sha256(body), length: body.byteLength })}
`);
  return Buffer.concat([head, body]);
}
function decodeCacheFile(bytes, format, check) {
  const newline = bytes.indexOf(NEWLINE);
  if (newline < 0) return { problem: "no header line" };
  let header;
  try {
    header = JSON.parse(bytes.toString("utf8", 0, newline));
  } catch {
    return { problem: "header is not JSON" };
  }
  if (header === null || typeof header !== "object") return { problem: "header is not an object" };
  if (header.format !== format) return { problem: `foreign format ${JSON.stringify(header.format)}` };
  const other = check(header);
  if (other === "stale") return { stale: true };
  if (other !== null) return { problem: other };
  if (header.v8 !== V8_VERSION) return { stale: true };
  const body = bytes.subarray(newline + 1);
  if (body.byteLength !== header.length || sha256(body) !== header.sha256) {
    return { problem: "checksum mismatch (truncated or edited)" };
  }
  try {
    return { header, payload: deserialize(body) };
  } catch {
    return { problem: "payload cannot be read" };
  }
}
var tmpSeq = 0;
function writeEntryFile(file, bytes) {
  const tmp = `${file}.${process.pid}-${tmpSeq++}.tmp`;
  try {
    writeFileSync(tmp, bytes, { flag: "wx" });
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}
export {
  decodeCacheFile,
  encodeCacheFile,
  sha256,
  writeEntryFile
};
//# sourceMappingURL=cache-file.js.map
