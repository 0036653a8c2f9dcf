// src/message.ts
function fatal(file, reason, options) {
  const message = file.message(reason, options);
  message.fatal = true;
  return message;
}
export {
  fatal
};
//# sourceMappingURL=message.js.map
