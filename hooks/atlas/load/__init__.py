"""Reading the data: YAML with the line:column of every value, files kept inside the project,
source texts, and validation into typed records. Imports only ``model``."""
