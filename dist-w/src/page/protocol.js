//# sourceMappingURL=protocol.js.map
