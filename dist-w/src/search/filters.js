// src/search/filters.ts
function passesFilters(date, votes, filters) {
  const d = date ?? "";
  if (filters.from && d < filters.from) return false;
  if (filters.to && d > filters.to) return false;
  if (filters.minVotes != null && (votes ?? 0) < filters.minVotes) return false;
  return true;
}
export {
  passesFilters
};
//# sourceMappingURL=filters.js.map
