//# sourceMappingURL=artifact.js.map
