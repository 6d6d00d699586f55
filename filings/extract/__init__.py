"""Pure functions: document text -> candidates with evidence spans."""
