"""Built-in rules, one per file, each with a code (FC1xx numbers, FC2xx time,
FC3xx arithmetic inside a document, FC4xx named claims, FC5xx sourcing)."""
