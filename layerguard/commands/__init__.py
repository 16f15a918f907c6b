"""The command line: argument parsing, subcommands as plain functions, exit codes. Nothing
imports from here."""
