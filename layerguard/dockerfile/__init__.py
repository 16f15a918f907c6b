"""Dockerfile text to meaning: the parser (the only module that reads Dockerfile text), the shell
splitter, stages and variables, build-context ignore files, pragmas, and what each instruction
writes and removes. Imports only the ground floor."""
