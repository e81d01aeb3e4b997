"""The data model: what a record is (records, their field specs, the data files' registry) and
the shared vocabulary of locations and diagnostics. Imports nothing else of the package."""
