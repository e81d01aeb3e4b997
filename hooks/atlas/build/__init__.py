"""From validated records to what the pages need: the resolved, read-only model (indexes,
target status, where each part of a plan is shown), URLs, labels and one view per page and
language. Imports only ``model`` and ``load``."""
